using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>
/// The public contact form: stores the inquiry, its reference number, the acknowledgement to the visitor and the
/// announcement to the front desk (both in the outbox), and the audit row, in one transaction. The form's hidden
/// idempotency key makes a double click or a resubmitted page the same inquiry.
/// </summary>
public static class SubmitInquiry
{
    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = ContactErrors.NameRequired)]
        [StringLength(Inquiry.NameMax, ErrorMessage = ContactErrors.NameTooLong)]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = ContactErrors.EmailRequired)]
        [StringLength(Inquiry.EmailMax, ErrorMessage = ContactErrors.EmailTooLong)]
        [EmailAddress(ErrorMessage = ContactErrors.EmailInvalid)]
        public string Email { get; set; } = "";

        [StringLength(20, ErrorMessage = ContactErrors.MobileInvalid)]
        [IndianMobile(ErrorMessage = ContactErrors.MobileInvalid)]
        public string? Mobile { get; set; }

        [Required(ErrorMessage = ContactErrors.MessageRequired)]
        [StringLength(Inquiry.MessageMax, ErrorMessage = ContactErrors.MessageTooLong)]
        public string Message { get; set; } = "";

        /// <summary>Consent to be contacted about this question; it cannot be given by default.</summary>
        [Range(typeof(bool), "true", "true", ErrorMessage = ContactErrors.ConsentRequired)]
        public bool Consent { get; set; }

        [EnumDataType(typeof(FaceSide), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public FaceSide? Side { get; set; }

        [EnumDataType(typeof(OnsetArea), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public OnsetArea? StartedAt { get; set; }

        [EnumDataType(typeof(Answer), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public Answer? CheekOrMouth { get; set; }

        [EnumDataType(typeof(SymptomDuration), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public SymptomDuration? Duration { get; set; }

        [Range(1, 120, ErrorMessage = ContactErrors.AgeInvalid)]
        public int? AgeAtOnset { get; set; }

        [EnumDataType(typeof(ToxinHistory), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public ToxinHistory? EarlierToxin { get; set; }

        [EnumDataType(typeof(Answer), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public Answer? EarlierMri { get; set; }

        [EnumDataType(typeof(Answer), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public Answer? FacialWeakness { get; set; }

        [EnumDataType(typeof(Answer), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public Answer? HearingLoss { get; set; }

        [EnumDataType(typeof(Answer), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public Answer? EarlierFacialPalsy { get; set; }

        public Guid? PreferredSiteId { get; set; }

        [EnumDataType(typeof(Language), ErrorMessage = ContactErrors.ChoiceInvalid)]
        public Language? PreferredLanguage { get; set; }

        /// <summary>Made when the form is shown; the same key posted again is the same inquiry.</summary>
        [Required(ErrorMessage = ContactErrors.FormExpired)]
        public Guid? IdempotencyKey { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by many robots.</summary>
        public string? Website { get; set; }

        public bool IsSpamTrapFilled => !string.IsNullOrWhiteSpace(Website);

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!string.IsNullOrWhiteSpace(Email) && Email.Length <= Inquiry.EmailMax
                && (!MailboxAddress.TryParse(Email.Trim(), out var address) || address.Address != Email.Trim()))
            {
                yield return new ValidationResult(ContactErrors.EmailInvalid, [nameof(Email)]);
            }

            if (IdempotencyKey == Guid.Empty)
            {
                yield return new ValidationResult(ContactErrors.FormExpired, [nameof(IdempotencyKey)]);
            }
        }

        /// <summary>What was sent, for telling a resubmission from new answers under the same key.</summary>
        public string Fingerprint()
        {
            var parts = new object?[]
            {
                Name.Trim(), Email.Trim(), PatientFormats.NormalizeMobile(Mobile), Message.Trim(), Consent, Side, StartedAt,
                CheekOrMouth, Duration, AgeAtOnset, EarlierToxin, EarlierMri, FacialWeakness, HearingLoss, EarlierFacialPalsy,
                PreferredSiteId, PreferredLanguage,
            };
            var canonical = string.Join('\u001f', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture) ?? ""));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
    }

    public enum Outcome
    {
        /// <summary>A new inquiry was stored.</summary>
        Created = 0,

        /// <summary>The same form was posted again: nothing new was stored.</summary>
        Replayed = 1,

        /// <summary>The key was used before with different answers: nothing was stored.</summary>
        KeyReused = 2,
    }

    public sealed record Result(Outcome Outcome, string Reference);

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, TimeProvider time, ClinicTime clock, InquiryEmails emails,
        OutboxSignal outbox, IOptions<ConsentOptions> consent, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Request input, CancellationToken ct)
        {
            var key = input.IdempotencyKey ?? throw new ArgumentException("The form has no idempotency key.", nameof(input));
            var fingerprint = input.Fingerprint();
            if (await PreviousAsync(key, fingerprint, ct) is { } previous)
            {
                return previous;
            }

            if (input.PreferredSiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, ct))
            {
                input.PreferredSiteId = null;
            }

            var now = Clock.UtcNow(time);
            Inquiry inquiry;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var reference = await NextReferenceAsync(db, clock.Local(now).Year, ct);
                inquiry = Inquiry.Receive(reference, input, fingerprint, consent.Value.NoticeVersion, now);
                db.Inquiries.Add(inquiry);
                db.OutboxMessages.AddRange(await emails.ForNewInquiryAsync(inquiry, now, ct));
                audit.Record(AuditAction.InquiryReceived, "Inquiry", inquiry.Id.ToString());
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Lost the race against the same form posted twice at once (unique key): answer as the winner did.
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    if (await PreviousAsync(key, fingerprint, ct) is { } winner)
                    {
                        return winner;
                    }

                    throw;
                }

                await transaction.CommitAsync(ct);
            }

            logger.InquiryReceived(inquiry.Id);
            outbox.Notify();
            return new Result(Outcome.Created, inquiry.Reference);
        }

        private async Task<Result?> PreviousAsync(Guid key, string fingerprint, CancellationToken ct)
        {
            var previous = await db.Inquiries.AsNoTracking()
                .Where(i => i.IdempotencyKey == key)
                .Select(i => new { i.Id, i.Reference, i.PayloadHash })
                .FirstOrDefaultAsync(ct);
            if (previous is null)
            {
                return null;
            }

            var same = string.Equals(previous.PayloadHash, fingerprint, StringComparison.Ordinal);
            logger.InquiryResubmitted(previous.Id, same);
            return new Result(same ? Outcome.Replayed : Outcome.KeyReused, previous.Reference);
        }
    }

    /// <summary>INQ-2026-000123: a counter per calendar year, taken atomically inside the caller's transaction.</summary>
    public static async Task<string> NextReferenceAsync(SpasmCareDbContext db, int year, CancellationToken ct)
    {
        var counter = "inquiry-" + year.ToString(CultureInfo.InvariantCulture);
        await db.Database.ScalarAsync(
            "INSERT INTO \"Counters\" (\"Name\", \"Value\") VALUES (@name, 0) ON CONFLICT (\"Name\") DO NOTHING", ct,
            ("@name", counter));
        var number = await db.NextAsync(counter, ct);
        return FormatReference(year, number);
    }

    public static string FormatReference(int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"INQ-{year}-{number:D6}");

    /// <summary>Whether <paramref name="text"/> looks like a reference this form hands out.</summary>
    public static bool IsReference(string? text) =>
        text is { Length: 15 } && text.StartsWith("INQ-", StringComparison.Ordinal) && text[8] == '-'
        && text[4..8].All(char.IsAsciiDigit) && text[9..].All(char.IsAsciiDigit);
}
