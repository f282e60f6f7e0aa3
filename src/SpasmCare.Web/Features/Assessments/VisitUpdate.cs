using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>Correct a visit's details, refusing to overwrite a change someone else saved in the meantime.</summary>
public static class UpdateVisit
{
    /// <summary>One field whose stored value differs from what the editor submitted.</summary>
    public sealed record Difference(string Label, string Saved, string Yours);

    /// <summary>Someone else saved the visit after the editor opened it; nothing of the editor's was saved.</summary>
    public sealed record Conflict(
        string ChangedBy, DateTime ChangedAtUtc, Guid CurrentVersion, bool EnteredInError, IReadOnlyList<Difference> Differences);

    public sealed record Result(Visit? Visit, Conflict? Conflict)
    {
        public bool NotFound => Visit is null && Conflict is null;
    }

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, VisitClinicians clinicians, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Guid patientId, Guid visitId, VisitInput input, CancellationToken ct)
        {
            var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId && v.PatientId == patientId, ct);
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
            if (visit is null || patient is null)
            {
                return new Result(null, null);
            }

            if (visit.Version != input.Version)
            {
                logger.VisitEditConflict(visitId);
                audit.Record(AuditAction.VisitUpdated, "Visit", visitId.ToString(), patientId, AuditOutcome.Failed,
                    StatusCodes.Status409Conflict, "stale version");
                await db.SaveChangesAsync(ct);
                return new Result(null, await ExplainAsync(visit, input, ct));
            }

            if (visit.EnteredInError)
            {
                throw new RuleException("visit.entered-in-error",
                    "This visit was marked as entered in error, so it can no longer be changed.");
            }

            var (site, clinician, start) = await VisitRules.CheckAsync(db, clinicians, time, patient, input, visit, ct);
            visit.SiteId = site.Id;
            if (visit.ClinicianId != clinician.Id)
            {
                visit.ClinicianId = clinician.Id;
                visit.ClinicianName = clinician.Name;
            }

            visit.StartedAtUtc = start;
            visit.Type = input.Type!.Value;
            visit.Note = VisitRules.Blank(input.Note);
            if (!db.ChangeTracker.HasChanges())
            {
                return new Result(visit, null);
            }

            audit.Record(AuditAction.VisitUpdated, "Visit", visitId.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Lost a race with another save after the version check above.
                logger.VisitEditConflict(visitId);
                db.ChangeTracker.Clear();
                audit.Record(AuditAction.VisitUpdated, "Visit", visitId.ToString(), patientId, AuditOutcome.Failed,
                    StatusCodes.Status409Conflict, "stale version");
                await db.SaveChangesAsync(ct);
                var current = await db.Visits.AsNoTracking().FirstAsync(v => v.Id == visitId, ct);
                return new Result(null, await ExplainAsync(current, input, ct));
            }

            logger.VisitUpdated(visitId);
            return new Result(visit, null);
        }

        private async Task<Conflict> ExplainAsync(Visit current, VisitInput yours, CancellationToken ct)
        {
            var latest = await db.AuditEvents.AsNoTracking()
                .Where(e => e.SubjectType == "Visit" && e.SubjectId == current.Id.ToString()
                    && e.Outcome == AuditOutcome.Succeeded
                    && (e.Action == AuditAction.VisitUpdated || e.Action == AuditAction.VisitEnteredInError || e.Action == AuditAction.VisitCreated))
                .OrderByDescending(e => e.Sequence)
                .Select(e => e.ActorName)
                .FirstOrDefaultAsync(ct);
            var siteIds = new[] { current.SiteId, yours.SiteId ?? Guid.Empty };
            var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            var zone = sites.TryGetValue(current.SiteId, out var site) ? site.TimeZoneId : Sites.Site.DefaultTimeZone;
            var saved = VisitInput.From(current, zone);
            var clinicianNames = (await clinicians.ListAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
            clinicianNames[current.ClinicianId] = current.ClinicianName;

            string SiteName(Guid? id) => id is { } s && sites.TryGetValue(s, out var found) ? found.Name : "—";
            string ClinicianName(Guid? id) => id is { } c && clinicianNames.TryGetValue(c, out var name) ? name : "—";
            string When(VisitInput v) => v.Date is { } d && v.Time is { } t
                ? d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + ", " + t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
                : "—";

            var differences = new List<Difference>();
            void Compare(string label, string before, string after)
            {
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    differences.Add(new Difference(label, before, after));
                }
            }

            Compare("Date and time", When(saved), When(yours));
            Compare("Site", SiteName(saved.SiteId), SiteName(yours.SiteId));
            Compare("Clinician", ClinicianName(saved.ClinicianId), ClinicianName(yours.ClinicianId));
            Compare("Type of visit", saved.Type is { } st ? VisitTypes.Label(st) : "—", yours.Type is { } yt ? VisitTypes.Label(yt) : "—");
            Compare("Note", saved.Note ?? "", VisitRules.Blank(yours.Note) ?? "");
            return new Conflict(
                string.IsNullOrWhiteSpace(latest) ? "another user" : latest, current.UpdatedAtUtc, current.Version,
                current.EnteredInError, differences);
        }
    }
}
