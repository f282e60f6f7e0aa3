namespace SpasmCare.Web.Features.Assessments;

/// <summary>Record a visit (encounter) of a patient.</summary>
public static class RecordVisit
{
    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, VisitClinicians clinicians, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The new visit, or null when there is no such patient. Throws a rule error for invalid details.</returns>
        public async Task<Visit?> HandleAsync(Guid patientId, VisitInput input, CancellationToken ct)
        {
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
            if (patient is null)
            {
                return null;
            }

            var (site, clinician, start) = await VisitRules.CheckAsync(db, clinicians, time, patient, input, null, ct);
            var visit = new Visit
            {
                PatientId = patientId,
                SiteId = site.Id,
                ClinicianId = clinician.Id,
                ClinicianName = clinician.Name,
                StartedAtUtc = start,
                Type = input.Type!.Value,
                Note = VisitRules.Blank(input.Note),
            };
            db.Visits.Add(visit);
            audit.Record(AuditAction.VisitCreated, "Visit", visit.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.VisitRecorded(visit.Id, patientId);
            return visit;
        }
    }
}
