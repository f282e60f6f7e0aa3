using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// The spasm came back after a cure: records the date, which opens a recurrence episode on the case (DOMAIN §4.6).
/// The page then offers a referral for a redo operation, a new case linked to this one.
/// </summary>
public static class RecordRecurrence
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the date the spasm came back.")]
        [Display(Name = "Date the spasm came back")]
        public DateOnly? RecurredOn { get; set; }

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
            if (c.RecurredOn is { } already)
            {
                throw new RuleException("mvd.already-recurred", $"A recurrence is already recorded ({FollowUpLabels.Date(already)}).");
            }

            var curedOn = await db.MvdFollowUps.AsNoTracking()
                .Where(f => f.CaseId == caseId && !f.EnteredInError && f.SpasmStatus == SpasmStatus.Gone)
                .OrderBy(f => f.SeenOn)
                .Select(f => (DateOnly?)f.SeenOn)
                .FirstOrDefaultAsync(ct);
            if (curedOn is not { } cured)
            {
                throw new RuleException("mvd.not-cured",
                    "A recurrence follows a cure, and no follow-up of this case has found the spasm gone. Record that follow-up first, or declare the operation failed.");
            }

            var on = request.RecurredOn!.Value;
            if (on < cured)
            {
                throw new RuleException("mvd.recurrence-before-cure",
                    $"The spasm was first seen gone on {FollowUpLabels.Date(cured)}; the recurrence must be on or after that.",
                    nameof(Request.RecurredOn), 422);
            }

            if (on > clock.Today)
            {
                throw new RuleException("mvd.recurrence-future", "The date cannot be in the future.", nameof(Request.RecurredOn), 422);
            }

            if (c.Version != request.Version)
            {
                throw DeclareFailed.Handler.Stale();
            }

            c.RecurredOn = on;
            audit.Record(AuditAction.MvdRecurrenceRecorded, MvdCaseRules.Subject, caseId.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw DeclareFailed.Handler.Stale();
            }

            return c;
        }
    }
}
