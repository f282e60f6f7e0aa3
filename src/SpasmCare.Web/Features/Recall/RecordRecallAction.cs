using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Recall;

/// <summary>
/// Working a recall-list item: the outcome of a call (no answer, left a message, will call back, declined, wrong
/// number) with an optional note, or a postponement with a reason until a date (after today, within a year). Each is a
/// new <see cref="RecallAction"/>, so repeated attempts stay as the item's history. Bookings are recorded by the booking
/// page (<c>source=Recall&amp;sourceKey=…</c>), not here. Bad input changes nothing.
/// </summary>
public static class RecordRecallAction
{
    /// <summary>The outcomes a call can have (Booked and Postponed are recorded otherwise).</summary>
    public static readonly IReadOnlyList<RecallOutcome> CallOutcomes =
        [RecallOutcome.NoAnswer, RecallOutcome.LeftMessage, RecallOutcome.WillCallBack, RecallOutcome.Declined, RecallOutcome.WrongNumber];

    public sealed class CallRequest
    {
        [Required, StringLength(RecallAction.ItemKeyMax)]
        public string ItemKey { get; set; } = "";

        [Required(ErrorMessage = "Choose the outcome of the call.")]
        [Display(Name = "Outcome")]
        public RecallOutcome? Outcome { get; set; }

        [StringLength(RecallAction.NoteMax, ErrorMessage = "Keep the note under {1} characters.")]
        [Display(Name = "Note (optional)")]
        public string? Note { get; set; }
    }

    public sealed class PostponeRequest
    {
        [Required, StringLength(RecallAction.ItemKeyMax)]
        public string ItemKey { get; set; } = "";

        [Required(ErrorMessage = "Choose the date to call again.")]
        [Display(Name = "Until")]
        public DateOnly? Until { get; set; }

        [Required(ErrorMessage = "Give the reason, such as \"travelling until January\".")]
        [StringLength(RecallAction.NoteMax, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";
    }

    public sealed class Handler(
        SpasmCareDbContext db, RecallList.Items items, AuditLog audit, ClinicTime clock, TimeProvider time, ICurrentUser user,
        ILogger<Handler> logger)
    {
        /// <returns>The action recorded, or null when the patient has no such item (unknown, another patient's, gone).</returns>
        public async Task<RecallAction?> CallAsync(Guid patientId, CallRequest request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (request.Outcome is not { } outcome || !CallOutcomes.Contains(outcome))
            {
                throw new RuleException("recall.outcome", "Choose the outcome of the call.", nameof(CallRequest.Outcome), 422);
            }

            var note = Clean(request.Note);
            if (note?.Length > RecallAction.NoteMax)
            {
                throw new RuleException("recall.note", $"Keep the note under {RecallAction.NoteMax} characters.", nameof(CallRequest.Note), 422);
            }

            return await AddAsync(patientId, request.ItemKey, outcome, null, note, AuditAction.RecallCallRecorded, ct);
        }

        /// <returns>The action recorded, or null when the patient has no such item.</returns>
        public async Task<RecallAction?> PostponeAsync(Guid patientId, PostponeRequest request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var today = clock.Today;
            if (request.Until is not { } until)
            {
                throw new RuleException("recall.until", "Choose the date to call again.", nameof(PostponeRequest.Until), 422);
            }

            if (until <= today)
            {
                throw new RuleException("recall.until", "Choose a date after today.", nameof(PostponeRequest.Until), 422);
            }

            if (until > today.AddYears(1))
            {
                throw new RuleException("recall.until", "Choose a date within a year.", nameof(PostponeRequest.Until), 422);
            }

            var reason = Clean(request.Reason);
            if (reason is null || reason.Length < 3 || reason.Length > RecallAction.NoteMax)
            {
                throw new RuleException("recall.reason", "Give the reason, such as \"travelling until January\".", nameof(PostponeRequest.Reason), 422);
            }

            return await AddAsync(patientId, request.ItemKey, RecallOutcome.Postponed, until, reason, AuditAction.RecallPostponed, ct);
        }

        private async Task<RecallAction?> AddAsync(
            Guid patientId, string itemKey, RecallOutcome outcome, DateOnly? until, string? note, AuditAction auditAction, CancellationToken ct)
        {
            var item = (await items.ForPatientAsync(patientId, ct)).FirstOrDefault(i => string.Equals(i.ItemKey, itemKey, StringComparison.Ordinal));
            if (item is null)
            {
                return null;
            }

            var action = new RecallAction
            {
                PatientId = patientId,
                Reason = item.Reason,
                ItemKey = item.ItemKey,
                Outcome = outcome,
                PostponedUntil = until,
                Note = note,
                RecordedAtUtc = Clock.UtcNow(time),
                RecordedBy = user.UserId,
                RecordedByName = user.Name.Length > 100 ? user.Name[..100] : user.Name,
            };
            db.RecallActions.Add(action);
            audit.Record(auditAction, RecallList.Subject, item.ItemKey, patientId, detail: outcome.ToString());
            await db.SaveChangesAsync(ct);
            Log.RecallActionRecorded(logger, action.Id, patientId, outcome);
            return action;
        }

        private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
