namespace SpasmCare.Web.Features.Workup;

/// <summary>An electrophysiology study recorded by mistake is marked, with a reason; it is kept, never deleted.</summary>
public static class MarkElectrophysiologyEnteredInError
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The study, or null when there is none. Throws a rule error on a stale version.</returns>
        public async Task<ElectrophysiologyStudy?> HandleAsync(Guid patientId, Guid id, EnteredInErrorRequest request, CancellationToken ct)
        {
            var study = await db.ElectrophysiologyStudies.FirstOrDefaultAsync(s => s.Id == id && s.PatientId == patientId, ct);
            if (study is null)
            {
                return null;
            }

            if (study.EnteredInError)
            {
                throw new Errors.RuleException("entered-in-error", "This study is already marked as entered in error.");
            }

            if (study.Version != request.Version)
            {
                throw WorkupChecks.StaleVersion("electrophysiology study");
            }

            study.EnteredInError = true;
            study.EnteredInErrorReason = request.Reason.Trim();
            audit.Record(AuditAction.ElectrophysiologyEnteredInError, RecordElectrophysiology.Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw WorkupChecks.StaleVersion("electrophysiology study");
            }

            logger.ElectrophysiologySaved(id, patientId, "entered in error");
            return study;
        }
    }
}
