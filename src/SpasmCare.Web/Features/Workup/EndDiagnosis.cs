namespace SpasmCare.Web.Features.Workup;

/// <summary>
/// A diagnosis stops being current: it resolved (or was replaced), or it was recorded in error. Either way it stays
/// in the history with the reason; nothing is deleted.
/// </summary>
public static class EndDiagnosis
{
    public enum Outcome
    {
        Resolved = 1,
        EnteredInError = 2,
    }

    public sealed class Request
    {
        [Required(ErrorMessage = "Choose why the diagnosis ends.")]
        [EnumDataType(typeof(Outcome), ErrorMessage = "Choose why the diagnosis ends.")]
        [Display(Name = "Why it ends")]
        public Outcome? Outcome { get; set; }

        [Required(ErrorMessage = "Give the reason, such as \"replaced by blepharospasm after review\".")]
        [StringLength(EnteredInErrorRequest.ReasonMax, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";

        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The diagnosis, or null when there is none. Throws a rule error on a stale version.</returns>
        public async Task<PatientDiagnosis?> HandleAsync(Guid patientId, Guid id, Request request, CancellationToken ct)
        {
            var diagnosis = await db.Diagnoses.FirstOrDefaultAsync(d => d.Id == id && d.PatientId == patientId, ct);
            if (diagnosis is null)
            {
                return null;
            }

            if (!diagnosis.IsCurrent)
            {
                throw new Errors.RuleException("ended", "This diagnosis has already ended.");
            }

            if (diagnosis.Version != request.Version)
            {
                throw WorkupChecks.StaleVersion("diagnosis");
            }

            diagnosis.IsCurrent = false;
            diagnosis.EnteredInError = request.Outcome == Outcome.EnteredInError;
            diagnosis.EndedReason = request.Reason.Trim();
            audit.Record(AuditAction.DiagnosisEnded, RecordDiagnosis.Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw WorkupChecks.StaleVersion("diagnosis");
            }

            logger.DiagnosisSaved(id, patientId, diagnosis.EnteredInError ? "entered in error" : "resolved");
            return diagnosis;
        }
    }
}
