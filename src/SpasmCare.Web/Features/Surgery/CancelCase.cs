using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Cancel a case before its operation (the patient declined, chose toxin, got better…), with the reason.</summary>
public static class CancelCase
{
    public sealed class Request
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Give the reason for cancelling the case.")]
        [StringLength(500, ErrorMessage = "The reason can be at most {1} characters.")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        public async Task<MvdCase?> HandleAsync(Guid patientId, Guid caseId, Request request, CancellationToken ct)
        {
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            await CaseSaves.CheckVersionAsync(db, audit, logger, c, request.Version, AuditAction.MvdCancelled, ct);
            MvdCaseRules.NotCancelled(c);
            if (!MvdCaseRules.BeforeOperation(c.Status))
            {
                throw new RuleException("mvd.operated", "The operation is recorded; the case can no longer be cancelled.");
            }

            // The booking, if any, is released: the slot no longer counts against the theatre or the surgeon.
            c.Status = MvdCaseStatus.Cancelled;
            c.CancelledReason = request.Reason!.Trim();
            audit.Record(AuditAction.MvdCancelled, MvdCaseRules.Subject, caseId.ToString(), patientId);
            await CaseSaves.SaveAsync(db, audit, logger, c, AuditAction.MvdCancelled, ct);
            logger.CaseChanged(caseId, patientId, "cancelled");
            return c;
        }
    }
}
