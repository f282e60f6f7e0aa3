using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Take a case out of its theatre slot, with the reason; it goes back to waiting (ready or referred).</summary>
public static class CancelBooking
{
    public sealed class Request
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Give the reason for cancelling the booking.")]
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

            await CaseSaves.CheckVersionAsync(db, audit, logger, c, request.Version, AuditAction.MvdBookingChanged, ct);
            if (c.Status != MvdCaseStatus.Booked)
            {
                throw new RuleException("mvd.not-booked", "This case has no booking to cancel.");
            }

            c.HospitalSiteId = null;
            c.Theatre = null;
            c.ScheduledStartUtc = null;
            c.ScheduledMinutes = null;
            c.SurgeonId = null;
            c.SurgeonName = null;
            c.AssistantName = null;
            c.AnaesthetistName = null;
            c.CancelledReason = request.Reason!.Trim();
            c.Status = MvdCaseRules.UnbookedStatus(c);
            audit.Record(AuditAction.MvdBookingChanged, MvdCaseRules.Subject, caseId.ToString(), patientId, detail: "booking cancelled");
            await CaseSaves.SaveAsync(db, audit, logger, c, AuditAction.MvdBookingChanged, ct);
            logger.CaseChanged(caseId, patientId, "booking cancelled");
            return c;
        }
    }
}
