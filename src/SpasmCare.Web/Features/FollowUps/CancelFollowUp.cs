using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.FollowUps;

/// <summary>Cancels an open follow-up task with a reason (the patient declined, moved away, was seen elsewhere).</summary>
public static class CancelFollowUp
{
    public const int ReasonMax = 400;

    public sealed class Request
    {
        [Required(ErrorMessage = "Give the reason, such as \"patient seen at another clinic\".")]
        [StringLength(ReasonMax, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";

        /// <summary>The version of the task the person looked at.</summary>
        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ICurrentUser user, ILogger<Handler> logger)
    {
        /// <returns>The task, or null when there is none. Throws a rule error when it is no longer open or changed meanwhile.</returns>
        public async Task<FollowUpTask?> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (task is null)
            {
                return null;
            }

            if (task.Status != FollowUpStatus.Open)
            {
                throw new RuleException("not-open", "This task is no longer open: it was done or cancelled meanwhile.");
            }

            if (task.Version != request.Version)
            {
                throw Stale();
            }

            task.Status = FollowUpStatus.Cancelled;
            task.ClosedAtUtc = Clock.UtcNow(time);
            task.ClosedBy = user.UserId;
            task.Note = "Cancelled: " + request.Reason.Trim();
            audit.Record(AuditAction.FollowUpCancelled, FollowUpList.Subject, id.ToString(), task.PatientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw Stale();
            }

            Toxin.ResponseLog.FollowUpCancelled(logger, id, task.PatientId);
            return task;
        }

        private static RuleException Stale() =>
            new("conflict", "Someone else changed this task after you opened it. Nothing was changed. Check it and confirm again.");
    }
}
