using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>A surgeon declares a case ready for surgery although its checklist has gaps, and says why.</summary>
public static class OverrideReadiness
{
    public sealed class Request
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Give the reason to operate with the checklist incomplete.")]
        [StringLength(1000, ErrorMessage = "The reason can be at most {1} characters.")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, VisitClinicians users, ILogger<Handler> logger)
    {
        public async Task<MvdCase?> HandleAsync(Guid patientId, Guid caseId, Request request, CancellationToken ct)
        {
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            await CaseSaves.CheckVersionAsync(db, audit, logger, c, request.Version, AuditAction.MvdReadyOverridden, ct);
            MvdCaseRules.NotCancelled(c);
            if (!MvdCaseRules.BeforeOperation(c.Status))
            {
                throw new RuleException("mvd.operated", "The operation is recorded; readiness can no longer be changed.");
            }

            if (MvdCaseRules.Checklist(c).Complete)
            {
                throw new RuleException("mvd.complete", "The checklist is complete: the case is ready without an override.");
            }

            c.ReadyOverrideReason = request.Reason!.Trim();
            c.ReadyOverriddenBy = users.CurrentName();
            if (c.Status == MvdCaseStatus.Referred)
            {
                c.Status = MvdCaseStatus.ReadyForSurgery;
            }

            audit.Record(AuditAction.MvdReadyOverridden, MvdCaseRules.Subject, caseId.ToString(), patientId);
            await CaseSaves.SaveAsync(db, audit, logger, c, AuditAction.MvdReadyOverridden, ct);
            logger.CaseChanged(caseId, patientId, "readiness overridden");
            return c;
        }
    }
}
