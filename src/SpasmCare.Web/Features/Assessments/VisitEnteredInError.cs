using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>Mark a visit as entered in error, with a reason. Nothing is deleted: the visit stays, struck through.</summary>
public static class MarkVisitEnteredInError
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Give a reason, such as \"recorded on the wrong patient\".")]
        [StringLength(Visit.ReasonMax, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";

        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The visit, or null when there is none. Throws a rule error on a stale version or a repeat.</returns>
        public async Task<Visit?> HandleAsync(Guid patientId, Guid visitId, Request request, CancellationToken ct)
        {
            var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId && v.PatientId == patientId, ct);
            if (visit is null)
            {
                return null;
            }

            if (visit.EnteredInError)
            {
                throw new RuleException("visit.already-in-error", "This visit is already marked as entered in error.");
            }

            if (visit.Version != request.Version)
            {
                throw Conflict();
            }

            visit.EnteredInError = true;
            visit.EnteredInErrorReason = request.Reason.Trim();
            audit.Record(AuditAction.VisitEnteredInError, "Visit", visitId.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                audit.Record(AuditAction.VisitEnteredInError, "Visit", visitId.ToString(), patientId, AuditOutcome.Failed,
                    StatusCodes.Status409Conflict, "stale version");
                await db.SaveChangesAsync(ct);
                throw Conflict();
            }

            logger.VisitEnteredInError(visitId);
            return visit;
        }

        private static RuleException Conflict() => new("conflict",
            "Someone else changed this visit after you opened it. Nothing was saved: review the visit and try again.");
    }
}
