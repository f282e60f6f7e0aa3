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
    public sealed record Conflict(
        Guid CurrentVersion, string ChangedBy, DateTime ChangedAtUtc,
        IReadOnlyList<PatientDiff.Change> TheirChanges, IReadOnlyList<PatientDiff.Change> YourChanges);

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
            await db.SaveChangesAsync(ct);
            logger.PatientUpdated(id);
            return new Result(patient, null);
        }

        private async Task<Conflict> ExplainAsync(Patient current, Request request, CancellationToken ct)
        {
            var revisions = await db.PatientRevisions.AsNoTracking()
                .Where(r => r.PatientId == current.Id)
                .OrderByDescending(r => r.RecordedAtUtc)
                .ToListAsync(ct);
            var latest = revisions.FirstOrDefault();
            var start = revisions.FirstOrDefault(r => r.Version == request.Version)?.ReadSnapshot();
            var now = current.ToInput();
            var yours = Patient.Normalize(request.Patient);
            return new Conflict(
                current.Version,
                latest?.RecordedByName is { Length: > 0 } name ? name : "another user",
                latest?.RecordedAtUtc ?? current.UpdatedAtUtc,
                start is null ? [] : PatientDiff.Between(start, now),
                PatientDiff.Between(now, yours));
        }
    }
}
