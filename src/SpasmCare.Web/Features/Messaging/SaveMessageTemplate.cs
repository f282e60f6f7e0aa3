using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// An admin edits the words of a template. Placeholders the message does not know (and stray braces) are refused
/// beside the field, with nothing saved; an edit made by someone else since the page was opened is not overwritten.
/// Messages already in the outbox keep the words they were written with.
/// </summary>
public static class SaveMessageTemplate
{
    public sealed class Request
    {
        [StringLength(MessageTemplate.SubjectMax, ErrorMessage = "Keep the subject to {1} characters.")]
        [Display(Name = "Subject")]
        public string? Subject { get; set; }

        [Required(ErrorMessage = "Write the message.")]
        [StringLength(MessageTemplate.BodyMax, ErrorMessage = "Keep the message to {1} characters.")]
        [Display(Name = "Message")]
        public string? Body { get; set; }

        public Guid Version { get; set; }

        public static Request From(MessageTemplate t) => new() { Subject = t.Subject, Body = t.Body, Version = t.Version };
    }

    public const string Conflict = "Someone else changed this template after you opened it. Nothing was saved; the page now shows their version — apply your change again.";

    /// <summary>The problems of the form, per field (Subject, Body); empty when it can be saved.</summary>
    public static List<(string Field, string Message)> Check(MessageTemplate template, Request request)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<(string, string)>();
        if (template.Channel == MessageChannel.Email && string.IsNullOrWhiteSpace(request.Subject))
        {
            problems.Add((nameof(Request.Subject), "Write the subject of the email."));
        }

        problems.AddRange(MessageTemplates.Problems(template.Key, request.Subject).Select(p => (nameof(Request.Subject), p)));
        problems.AddRange(MessageTemplates.Problems(template.Key, request.Body).Select(p => (nameof(Request.Body), p)));
        return problems;
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <summary>Returns the saved template, or null when there is no such template.</summary>
        /// <exception cref="RuleException">A bad placeholder, or someone else's change in between.</exception>
        public async Task<MessageTemplate?> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (template is null)
            {
                return null;
            }

            if (Check(template, request) is [var first, ..])
            {
                throw new RuleException("bad-placeholder", first.Message, first.Field, 422);
            }

            if (template.Version != request.Version)
            {
                throw new RuleException("conflict", Conflict);
            }

            template.Subject = template.Channel == MessageChannel.Email ? request.Subject!.Trim() : "";
            template.Body = request.Body!.Trim().ReplaceLineEndings("\n");
            if (!db.ChangeTracker.HasChanges())
            {
                return template;
            }

            audit.Record(AuditAction.MessageTemplateUpdated, "MessageTemplate", template.Id.ToString(),
                detail: $"{template.Key} {MessageTemplates.Label(template.Channel)} {MessageTemplates.Code(template.Language)}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new RuleException("conflict", Conflict);
            }

            logger.TemplateUpdated(template.Id);
            return template;
        }
    }
}
