using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// The surgeon's call that an operation failed, with the reason, before the delayed-cure window ends (DOMAIN §4.4:
/// otherwise a case is not called failed before 6–12 months). Only for a case never seen cured.
/// </summary>
public static class DeclareFailed
{
    public sealed class Request
    {
        public const int ReasonMax = 1000;

        [Required(ErrorMessage = "Give the reason, such as \"spasm unchanged at 3 months; the LSR persisted\".")]
        [StringLength(ReasonMax, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";

        /// <summary>The case version the surgeon looked at.</summary>
        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ClinicTime clock)
    {
        /// <returns>The case, or null when the patient or case is unknown.</returns>
        public async Task<MvdCase?> HandleAsync(Guid patientId, Guid caseId, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            MvdCaseRules.NotCancelled(c);
            if (await FollowUpCase.OperatedOnAsync(db, c, ct) is not { } operatedOn)
            {
                throw new RuleException("mvd.not-operated", "Only an operated case can be declared failed.");
            }

            if (c.DeclaredFailed)
            {
                throw new RuleException("mvd.already-failed", "This operation is already declared failed.");
            }

            var gone = await db.MvdFollowUps.AsNoTracking()
                .Where(f => f.CaseId == caseId && !f.EnteredInError && f.SpasmStatus == SpasmStatus.Gone)
                .OrderBy(f => f.SeenOn)
                .Select(f => (DateOnly?)f.SeenOn)
                .FirstOrDefaultAsync(ct);
            if (gone is { } curedOn)
            {
                throw new RuleException("mvd.was-cured",
                    $"The spasm was seen gone on {FollowUpLabels.Date(curedOn)}: if it has come back, record a recurrence instead.");
            }

            if (c.Version != request.Version)
            {
                throw Stale();
            }

            c.DeclaredFailed = true;
            c.DeclaredFailedReason = request.Reason.Trim();
            var days = clock.Today.DayNumber - operatedOn.DayNumber;
            audit.Record(AuditAction.MvdDeclaredFailed, MvdCaseRules.Subject, caseId.ToString(), patientId,
                detail: $"declared failed on day {days} after the operation");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Stale();
            }

            return c;
        }

        internal static RuleException Stale() =>
            new("conflict", "Someone else changed this case after you opened it. Nothing was saved. Check the case and try again.");
    }
}
