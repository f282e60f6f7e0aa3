using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>
/// The front desk's work on an inquiry in one save: status (closing needs a reason; booked needs the agreed date),
/// assignment, the agreed first-appointment date and a note. Each change writes a line of history and an audit row.
/// The editor's version must still be the stored one: nothing is overwritten that they have not seen.
/// </summary>
public static class UpdateInquiry
{
    public const int AgreedDateMaxDaysAhead = 730;

    public sealed class Request : IValidatableObject
    {
        /// <summary>The version the page was shown with (hidden field).</summary>
        public Guid Version { get; set; }

        [EnumDataType(typeof(InquiryStatus), ErrorMessage = "Choose a status from the list.")]
        [Display(Name = "Status")]
        public InquiryStatus Status { get; set; }

        [StringLength(Inquiry.CloseReasonMax, ErrorMessage = "The reason can be at most {1} characters.")]
        [Display(Name = "Reason for closing")]
        public string? CloseReason { get; set; }

        [Display(Name = "Assigned to")]
        public Guid? AssignedToUserId { get; set; }

        [Display(Name = "Agreed first appointment")]
        public DateOnly? AgreedAppointmentDate { get; set; }

        [StringLength(InquiryNote.TextMax, ErrorMessage = "A note can be at most {1} characters.")]
        [Display(Name = "Add a note")]
        public string? Note { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Status == InquiryStatus.Closed && string.IsNullOrWhiteSpace(CloseReason))
            {
                yield return new ValidationResult("Give a reason for closing the inquiry.", [nameof(CloseReason)]);
            }

            if (Status == InquiryStatus.Booked && AgreedAppointmentDate is null)
            {
                yield return new ValidationResult(
                    "Enter the agreed first-appointment date to mark the inquiry booked.", [nameof(AgreedAppointmentDate)]);
            }
        }

        public static Request From(Inquiry inquiry) => new()
        {
            Version = inquiry.Version,
            Status = inquiry.Status,
            CloseReason = inquiry.CloseReason,
            AssignedToUserId = inquiry.AssignedToUserId,
            AgreedAppointmentDate = inquiry.AgreedAppointmentDate,
        };
    }

    public enum Outcome
    {
        Saved = 0,
        NoChange = 1,
        NotFound = 2,

        /// <summary>Someone else saved the inquiry after the editor opened it; nothing was saved.</summary>
        Conflict = 3,
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time,
        Hosting.ClinicTime clock, ILogger<Handler> logger)
    {
        public async Task<Outcome> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            var inquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (inquiry is null)
            {
                return Outcome.NotFound;
            }

            if (inquiry.Version != request.Version)
            {
                return await ConflictAsync(inquiry, ct);
            }

            if (request.AgreedAppointmentDate is { } agreed && agreed > clock.Today.AddDays(AgreedDateMaxDaysAhead))
            {
                throw new RuleException("inquiry.date-too-far", "The agreed date is more than two years ahead. Check the year.",
                    nameof(Request.AgreedAppointmentDate), 422);
            }

            if (request.AssignedToUserId is { } assignee && assignee != inquiry.AssignedToUserId
                && !await InquiryDetails.AssigneeQuery(db).AnyAsync(u => u.Id == assignee, ct))
            {
                throw new RuleException("inquiry.unknown-assignee", "Choose a front-desk or doctor account from the list.",
                    nameof(Request.AssignedToUserId), 422);
            }

            var now = Clock.UtcNow(time);
            var changes = new List<string>();
            var subject = inquiry.Id.ToString();
            if (inquiry.ChangeStatus(request.Status, request.CloseReason, now))
            {
                var text = request.Status == InquiryStatus.Closed
                    ? $"Status: {InquiryLabels.Of(request.Status)} ({inquiry.CloseReason})"
                    : $"Status: {InquiryLabels.Of(request.Status)}";
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.StatusChanged, text, user, now));
                audit.Record(AuditAction.InquiryStatusChanged, "Inquiry", subject, inquiry.PatientId, detail: "status " + request.Status);
                changes.Add("status");
            }

            if (inquiry.AssignTo(request.AssignedToUserId))
            {
                var name = request.AssignedToUserId is { } to
                    ? await db.Users.AsNoTracking().Where(u => u.Id == to).Select(u => u.DisplayName).FirstAsync(ct)
                    : null;
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.Assigned, name is null ? "Unassigned" : "Assigned to " + name, user, now));
                audit.Record(AuditAction.InquiryAssigned, "Inquiry", subject, inquiry.PatientId);
                changes.Add("assignment");
            }

            if (inquiry.AgreeAppointment(request.AgreedAppointmentDate))
            {
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.AppointmentAgreed, request.AgreedAppointmentDate is { } date
                    ? "First appointment agreed for " + InquiryLabels.Date(date)
                    : "Agreed first-appointment date removed", user, now));
                audit.Record(AuditAction.InquiryUpdated, "Inquiry", subject, inquiry.PatientId, detail: "agreed date");
                changes.Add("agreed date");
            }

            if (!string.IsNullOrWhiteSpace(request.Note))
            {
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.Note, request.Note.Trim(), user, now));
                audit.Record(AuditAction.InquiryNoteAdded, "Inquiry", subject, inquiry.PatientId);
                changes.Add("note");
            }

            if (changes.Count == 0)
            {
                return Outcome.NoChange;
            }

            inquiry.Version = Guid.CreateVersion7();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another save landed between reading and writing.
                db.ChangeTracker.Clear();
                var current = await db.Inquiries.FirstOrDefaultAsync(i => i.Id == id, ct);
                return current is null ? Outcome.NotFound : await ConflictAsync(current, ct);
            }

            var changed = string.Join(", ", changes);
            logger.InquiryUpdated(id, changed);
            return Outcome.Saved;
        }

        private async Task<Outcome> ConflictAsync(Inquiry inquiry, CancellationToken ct)
        {
            logger.InquiryEditConflict(inquiry.Id);
            db.ChangeTracker.Clear();
            audit.Record(AuditAction.InquiryUpdated, "Inquiry", inquiry.Id.ToString(), inquiry.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            return Outcome.Conflict;
        }
    }
}
