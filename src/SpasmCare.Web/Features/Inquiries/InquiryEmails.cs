using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>
/// The emails a new inquiry causes: the acknowledgement to the visitor, in their language, with a copy of their
/// question; and an announcement to the front desk with the reference and the triage suggestion but none of the
/// visitor's details (those stay in SpasmCare). Everything the visitor typed is HTML-encoded in the HTML part.
/// </summary>
public sealed class InquiryEmails(SpasmCareDbContext db, ClinicTime clock, IOptions<ClinicOptions> clinic, IOptions<InquiryOptions> options)
{
    public const string AcknowledgementKind = "inquiry-acknowledgement";
    public const string FrontDeskKind = "inquiry-front-desk";

    public async Task<IReadOnlyList<OutboxMessage>> ForNewInquiryAsync(Inquiry inquiry, DateTime nowUtc, CancellationToken ct)
    {
        var messages = new List<OutboxMessage> { Acknowledgement(inquiry, nowUtc) };
        var frontDesk = options.Value.FrontDeskEmail;
        if (!string.IsNullOrWhiteSpace(frontDesk))
        {
            var site = inquiry.PreferredSiteId is { } siteId
                ? await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => s.Name).FirstOrDefaultAsync(ct)
                : null;
            messages.Add(FrontDeskNotice(inquiry, frontDesk.Trim(), site, nowUtc));
        }

        return messages;
    }

    public OutboxMessage Acknowledgement(Inquiry inquiry, DateTime nowUtc)
    {
        var lang = inquiry.PreferredLanguage;
        var clinicName = clinic.Value.Name;
        string[] paragraphs =
        [
            ContactText.AckGreeting.In(lang, inquiry.Name),
            ContactText.AckBody.In(lang, inquiry.Reference),
        ];
        string[] after =
        [
            ContactText.NotForEmergencies.In(lang),
            ContactText.AckNotYou.In(lang),
        ];

        var text = new StringBuilder();
        foreach (var p in paragraphs)
        {
            text.Append(p).Append("\n\n");
        }

        text.Append(ContactText.AckCopy.In(lang)).Append('\n').Append(inquiry.Message).Append("\n\n");
        foreach (var p in after)
        {
            text.Append(p).Append("\n\n");
        }

        text.Append(ContactText.AckSignOff.In(lang)).Append('\n').Append(clinicName).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(ContactLanguage.Code(lang)).Append("\"><head><meta charset=\"utf-8\"></head><body>");
        foreach (var p in paragraphs)
        {
            html.Append("<p>").Append(Encode(p)).Append("</p>");
        }

        html.Append("<p>").Append(Encode(ContactText.AckCopy.In(lang))).Append("</p>")
            .Append("<blockquote style=\"white-space: pre-wrap\">").Append(Encode(inquiry.Message)).Append("</blockquote>");
        foreach (var p in after)
        {
            html.Append("<p>").Append(Encode(p)).Append("</p>");
        }

        html.Append("<p>").Append(Encode(ContactText.AckSignOff.In(lang))).Append("<br>").Append(Encode(clinicName)).Append("</p></body></html>");

        return New(AcknowledgementKind, inquiry.Id, inquiry.Email, inquiry.Name,
            ContactText.AckSubject.In(lang, inquiry.Reference), text.ToString(), html.ToString(), nowUtc);
    }

    public OutboxMessage FrontDeskNotice(Inquiry inquiry, string frontDeskAddress, string? siteName, DateTime nowUtc)
    {
        var triage = InquiryTriage.Suggest(inquiry.Answers);
        var link = string.IsNullOrWhiteSpace(options.Value.StaffBaseUrl)
            ? null
            : options.Value.StaffBaseUrl.TrimEnd('/') + "/Inquiries/Details/" + inquiry.Id;
        string[] lines =
        [
            "A new inquiry has arrived through the contact form.",
            "Reference: " + inquiry.Reference,
            "Received: " + clock.Show(inquiry.ReceivedAtUtc),
            "Preferred site: " + (siteName ?? "any"),
            "Suggestion: " + triage.Label + " (from the visitor's answers; a suggestion, not a diagnosis)",
            link is null ? "Open the inquiry inbox in SpasmCare to read it." : "Open it in SpasmCare: " + link,
            "The visitor's details are kept in SpasmCare only and are not sent by email.",
        ];
        var text = string.Join("\n\n", lines) + "\n";
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body>"
            + string.Concat(lines.Select(l => "<p>" + Encode(l) + "</p>")) + "</body></html>";
        return New(FrontDeskKind, inquiry.Id, frontDeskAddress, "Front desk",
            $"New inquiry {inquiry.Reference}: {triage.Label}", text, html, nowUtc);
    }

    private static OutboxMessage New(string kind, Guid inquiryId, string to, string toName, string subject,
        string text, string html, DateTime nowUtc) => new()
    {
        Kind = kind,
        InquiryId = inquiryId,
        ToAddress = to,
        ToName = toName.Length <= OutboxMessage.NameMax ? toName : toName[..OutboxMessage.NameMax],
        Subject = subject.Length <= OutboxMessage.SubjectMax ? subject : subject[..OutboxMessage.SubjectMax],
        TextBody = text,
        HtmlBody = html,
        CreatedAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
        Status = OutboxStatus.Pending,
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
