using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Patients;

public static class UpdatePatient
{
    public sealed class Request
    {
        [Required] public PatientInput Patient { get; set; } = new();

        /// <summary>The version the editor started from (hidden field on the page, <c>If-Match</c> on the API).</summary>
        public Guid Version { get; set; }
    }

    /// <summary>What someone else saved since the editor loaded the record; nothing of the editor's was saved.</summary>
    /// <remarks>
    /// <see cref="Merged"/> is a three-way merge for the editor to review: fields only they changed take their value,
    /// fields only the editor changed keep the editor's, and <see cref="Clashes"/> lists fields both changed
    /// differently (the editor's value is kept in the form, to be confirmed or corrected).
    /// </remarks>
    public sealed record Conflict(
        Guid CurrentVersion, string ChangedBy, DateTime ChangedAtUtc,
        IReadOnlyList<PatientDiff.Change> TheirChanges, IReadOnlyList<PatientDiff.Change> YourChanges,
        IReadOnlyList<string> Clashes, PatientInput Merged);

    public sealed record Result(Patient? Patient, Conflict? Conflict)
    {
        public bool NotFound => Patient is null && Conflict is null;
    }

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time,
        IOptions<ConsentOptions> consent, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            var patient = await db.Patients.Include(p => p.NameTerms).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (patient is null)
            {
                return new Result(null, null);
            }

            if (patient.Version != request.Version)
            {
                logger.PatientEditConflict(id);
                audit.Record(AuditAction.PatientUpdated, "Patient", id.ToString(), id, AuditOutcome.Failed,
                    StatusCodes.Status409Conflict, "stale version");
                await db.SaveChangesAsync(ct);
                return new Result(null, await ExplainAsync(patient, request, ct));
            }

            await RegisterPatient.CheckUniqueIdentifiersAsync(db, request.Patient, id, ct);
            var now = Clock.UtcNow(time);
            patient.Apply(request.Patient, consent.Value.NoticeVersion, now);
            if (!db.ChangeTracker.HasChanges())
            {
                return new Result(patient, null);
            }

            patient.Version = Guid.CreateVersion7();
            db.PatientRevisions.Add(PatientRevision.Of(patient, PatientChange.Updated, now, user));
            audit.Record(AuditAction.PatientUpdated, "Patient", id.ToString(), id);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // Lost a race after the checks above: another save of this patient, or of the same ABHA identifiers.
                db.ChangeTracker.Clear();
                await RegisterPatient.CheckUniqueIdentifiersAsync(db, request.Patient, id, ct);
                if (ex is not DbUpdateConcurrencyException)
                {
                    throw;
                }

                logger.PatientEditConflict(id);
                var current = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == id, ct);
                return new Result(null, await ExplainAsync(current, request, ct));
            }

            logger.PatientUpdated(id);
            return new Result(patient, null);
        }

        private async Task<Conflict> ExplainAsync(Patient current, Request request, CancellationToken ct)
        {
            var revisions = await db.PatientRevisions.AsNoTracking()
                .Where(r => r.PatientId == current.Id)
                .OrderByDescending(r => r.RecordedAtUtc)
                .ToListAsync(ct);
            // The revision that wrote the stored version says who saved last; timestamps can tie.
            var latest = revisions.FirstOrDefault(r => r.Version == current.Version) ?? revisions.FirstOrDefault();
            var now = current.ToInput();
            var yours = Patient.Normalize(request.Patient);
            // Without the starting version (it is always kept, but be safe) everything counts as a change of yours.
            var start = revisions.FirstOrDefault(r => r.Version == request.Version)?.ReadSnapshot() ?? now;
            var theirs = PatientDiff.Between(start, now);
            var mine = PatientDiff.Between(start, yours).Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
            var merged = PatientDiff.Merge(start, now, yours);
            return new Conflict(
                current.Version,
                latest?.RecordedByName is { Length: > 0 } name ? name : "another user",
                latest?.RecordedAtUtc ?? current.UpdatedAtUtc,
                theirs,
                PatientDiff.Between(now, yours).Where(c => mine.Contains(c.Field)).ToList(),
                theirs.Where(c => mine.Contains(c.Field)).Select(c => c.Label).ToList(),
                merged);
        }
    }
}
