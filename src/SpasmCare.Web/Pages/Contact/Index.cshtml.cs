using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Contact;

/// <summary>
/// The public contact form (anonymous). Antiforgery as on every form; a honeypot; a per-client limit on posts
/// (429 page in the visitor's language); small request limits; and a hidden idempotency key so that a double
/// click or a resubmitted page is one inquiry.
/// </summary>
[EnableRateLimiting(InquiryFormRateLimit.Name)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = MaxValueBytes, KeyLengthLimit = 100, ValueCountLimit = 60, MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(
    SubmitInquiry.Handler handler, SpasmCareDbContext db, AuditLog audit, IOptions<InquiryOptions> options,
    ILogger<IndexModel> logger) : PageModel
{
    private const int MaxRequestBytes = 64 * 1024;
    private const int MaxValueBytes = 24 * 1024;

    [BindProperty] public SubmitInquiry.Request Input { get; set; } = new();

    /// <summary>The page's language: en, hi or mr.</summary>
    [BindProperty(SupportsGet = true, Name = "lang")] public string? LanguageCode { get; set; }

    public Language Lang => ContactLanguage.Parse(LanguageCode);
    public string Code => ContactLanguage.Code(Lang);
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public int RetentionDays => options.Value.RetentionDays;

    public string T(Phrase phrase) => phrase.In(Lang);

    [NotAudited("An empty form: nothing about anyone is shown.")]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new SubmitInquiry.Request { IdempotencyKey = Guid.NewGuid(), PreferredLanguage = Lang };
        await ShowAsync(ct);
    }

    [Audited(AuditAction.InquiryReceived, "Inquiry")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.IsSpamTrapFilled)
        {
            // Looks like success to the robot; nothing is stored, and the audit row says why.
            logger.SpamTrapFilled();
            audit.Record(AuditAction.InquiryReceived, "Inquiry", null, outcome: AuditOutcome.Denied,
                statusCode: StatusCodes.Status200OK, detail: "spam trap filled; nothing stored");
            await db.SaveChangesAsync(ct);
            return RedirectToPage("Thanks", new { lang = Code });
        }

        if (!ModelState.IsValid)
        {
            Localize();
            RenewKeyIfInvalid();
            await ShowAsync(ct);
            return Page();
        }

        var result = await handler.HandleAsync(Input, ct);
        if (result.Outcome == SubmitInquiry.Outcome.KeyReused)
        {
            // The same form with other answers: say so, and hand out a fresh key for sending it as a new question.
            ModelState.Remove("Input." + nameof(SubmitInquiry.Request.IdempotencyKey));
            Input.IdempotencyKey = Guid.NewGuid();
            ModelState.AddModelError("", ContactText.AlreadySent.In(Lang, result.Reference));
            await ShowAsync(ct);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }

        return RedirectToPage("Thanks", new { reference = result.Reference, lang = Code });
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        ViewData["Language"] = Lang;
        Sites = await SiteList.ActiveAsync(db, ct);
    }

    /// <summary>The form's validation keys (and the framework's own messages) as text in the page's language.</summary>
    private void Localize()
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var messages = entry.Errors
                .Select(e => ContactText.Errors.TryGetValue(e.ErrorMessage, out var phrase) ? phrase : FallbackFor(key))
                .Select(p => p.In(Lang))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            entry.Errors.Clear();
            foreach (var message in messages)
            {
                entry.Errors.Add(message);
            }

            if (key == ConsentKey && !bool.TryParse(entry.AttemptedValue, out _))
            {
                // The checkbox cannot show a value that is not true or false (a hand-made post): show it unticked.
                entry.AttemptedValue = "false";
                entry.RawValue = "false";
            }
        }
    }

    private const string ConsentKey = "Input." + nameof(SubmitInquiry.Request.Consent);
    private const string IdempotencyKeyKey = "Input." + nameof(SubmitInquiry.Request.IdempotencyKey);

    /// <summary>A missing or mangled key cannot be repaired by the visitor: say so once, and hand out a new one.</summary>
    private void RenewKeyIfInvalid()
    {
        if (ModelState.TryGetValue(IdempotencyKeyKey, out var entry) && entry.Errors.Count > 0)
        {
            ModelState.Remove(IdempotencyKeyKey);
            ModelState.AddModelError("", ContactText.Errors[ContactErrors.FormExpired].In(Lang));
            Input.IdempotencyKey = Guid.NewGuid();
        }
    }

    private static Phrase FallbackFor(string key) => ContactText.Errors[key switch
    {
        _ when key.EndsWith(nameof(SubmitInquiry.Request.AgeAtOnset), StringComparison.Ordinal) => ContactErrors.AgeInvalid,
        _ when key.EndsWith(nameof(SubmitInquiry.Request.Mobile), StringComparison.Ordinal) => ContactErrors.MobileInvalid,
        _ when key.EndsWith(nameof(SubmitInquiry.Request.Email), StringComparison.Ordinal) => ContactErrors.EmailInvalid,
        _ when key.EndsWith(nameof(SubmitInquiry.Request.IdempotencyKey), StringComparison.Ordinal) => ContactErrors.FormExpired,
        _ => ContactErrors.ChoiceInvalid,
    }];
}
