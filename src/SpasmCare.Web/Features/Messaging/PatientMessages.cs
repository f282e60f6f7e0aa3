using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// Messages to patients, written into the outbox for later: only on the channels a patient may receive (contact
/// consent, an opt-in for the channel, and an address), in their preferred language (English when a template is
/// missing in it). The outbox checks consent again when the message is due.
/// </summary>
public static class PatientMessages
{
    /// <summary>What a patient may receive now, with the addresses to use.</summary>
    public sealed record Recipient(Guid PatientId, string GivenName, string FullName, Language Language,
        IReadOnlyDictionary<MessageChannel, string> Addresses);

    /// <summary>
    /// The patient and the channels they may be sent messages on now (consent given, active record, opted in to the
    /// channel, an address for it); null when there is no such patient, and no channels when none qualifies.
    /// </summary>
    public static async Task<Recipient?> RecipientAsync(SpasmCareDbContext db, Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new { p.GivenName, p.FamilyName, p.Mobile, p.Email, p.PreferredLanguage, p.ContactConsent, p.IsActive })
            .FirstOrDefaultAsync(ct);
        if (patient is null)
        {
            return null;
        }

        var addresses = new Dictionary<MessageChannel, string>();
        if (patient.ContactConsent && patient.IsActive)
        {
            var optedIn = await db.ContactPreferences.AsNoTracking()
                .Where(c => c.PatientId == patientId && c.OptedIn)
                .Select(c => c.Channel)
                .ToListAsync(ct);
            if (optedIn.Contains(MessageChannel.Sms) && SmsNumbers.E164(patient.Mobile) is { } number)
            {
                addresses[MessageChannel.Sms] = number;
            }

            if (optedIn.Contains(MessageChannel.Email) && !string.IsNullOrWhiteSpace(patient.Email))
            {
                addresses[MessageChannel.Email] = patient.Email;
            }
        }

        return new Recipient(patientId, patient.GivenName, $"{patient.GivenName} {patient.FamilyName}".Trim(),
            patient.PreferredLanguage, addresses);
    }

    /// <summary>
    /// Why a due message to a patient must not go out any more (consent withdrawn, opted out of the channel, the
    /// address changed), or null when it may be sent.
    /// </summary>
    public static async Task<string?> StopReasonAsync(SpasmCareDbContext db, OutboxMessage message, CancellationToken ct)
    {
        if (message.PatientId is not { } patientId)
        {
            return null;
        }

        var recipient = await RecipientAsync(db, patientId, ct);
        if (recipient is null)
        {
            return "no patient";
        }

        if (!recipient.Addresses.TryGetValue(message.Channel, out var address))
        {
            return "opted out";
        }

        return string.Equals(address, message.ToAddress, StringComparison.OrdinalIgnoreCase) ? null : "address changed";
    }

    /// <summary>
    /// Adds (unsaved) one outbox message per channel the patient may receive now, written from the template
    /// <paramref name="templateKey"/> in their language, due at <paramref name="sendAtUtc"/>. The patient's given
    /// name is filled in as {patient}; <paramref name="values"/> gives the others. Returns the rows added (none when
    /// the patient may not be messaged).
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMessage>> RequestAsync(SpasmCareDbContext db, Guid patientId, string templateKey,
        DateTime sendAtUtc, IReadOnlyDictionary<string, string> values, DateTime nowUtc, CancellationToken ct,
        Guid? appointmentId = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var recipient = await RecipientAsync(db, patientId, ct);
        if (recipient is null || recipient.Addresses.Count == 0)
        {
            return [];
        }

        var filled = new Dictionary<string, string>(values) { ["patient"] = recipient.GivenName };
        return await WriteAsync(db, recipient, templateKey, sendAtUtc, _ => filled, nowUtc, appointmentId, ct);
    }

    /// <summary>The rows for a recipient; <paramref name="valuesIn"/> gives the values in a language (dates are written per language).</summary>
    internal static async Task<IReadOnlyList<OutboxMessage>> WriteAsync(SpasmCareDbContext db, Recipient recipient, string templateKey,
        DateTime sendAtUtc, Func<Language, IReadOnlyDictionary<string, string>> valuesIn, DateTime nowUtc, Guid? appointmentId,
        CancellationToken ct)
    {
        var templates = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Key == templateKey && (t.Language == recipient.Language || t.Language == Language.English))
            .ToListAsync(ct);
        var rows = new List<OutboxMessage>();
        foreach (var (channel, address) in recipient.Addresses.OrderBy(a => a.Key))
        {
            var template = Pick(templates, channel, recipient.Language) ?? MessageTemplateSeed.Default(templateKey, channel, recipient.Language)
                ?? MessageTemplateSeed.Default(templateKey, channel, Language.English);
            if (template is null)
            {
                continue;
            }

            var values = valuesIn(template.Language);
            var message = new OutboxMessage
            {
                Kind = templateKey,
                Channel = channel,
                PatientId = recipient.PatientId,
                AppointmentId = appointmentId,
                Language = MessageTemplates.Code(template.Language),
                ToAddress = address,
                ToName = channel == MessageChannel.Email ? Truncate(recipient.FullName, OutboxMessage.NameMax) : "",
                Subject = channel == MessageChannel.Email ? Truncate(MessageTemplates.Render(template.Subject, values), OutboxMessage.SubjectMax) : "",
                TextBody = MessageTemplates.Render(template.Body, values),
                CreatedAtUtc = nowUtc,
                Status = OutboxStatus.Pending,
                NextAttemptAtUtc = sendAtUtc,
            };
            db.OutboxMessages.Add(message);
            rows.Add(message);
        }

        return rows;
    }

    /// <summary>
    /// "How is the injection working?" 14 days after a toxin session, at 10:00 at the session's site (the toxin
    /// module asks for it when a session is recorded). Nothing when that time has passed (a session charted late).
    /// </summary>
    public static Task<IReadOnlyList<OutboxMessage>> RequestToxinResponseCheckAsync(SpasmCareDbContext db, Guid patientId,
        Sites.Site site, DateOnly sessionDate, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var date = sessionDate.AddDays(ToxinResponseCheckDay);
        var sendAt = Assessments.VisitTime.ToUtc(date, ToxinResponseCheckTime, site.TimeZoneId)
            ?? Assessments.VisitTime.ToUtc(date, ToxinResponseCheckTime.AddHours(1), site.TimeZoneId)!.Value;
        if (sendAt <= nowUtc)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>([]);
        }

        return RequestAsync(db, patientId, MessageTemplates.ToxinResponseCheck, sendAt,
            new Dictionary<string, string> { ["site"] = site.Name, ["phone"] = site.Phone }, nowUtc, ct);
    }

    public const int ToxinResponseCheckDay = 14;
    public static readonly TimeOnly ToxinResponseCheckTime = new(10, 0);

    private static MessageTemplate? Pick(List<MessageTemplate> templates, MessageChannel channel, Language language) =>
        templates.FirstOrDefault(t => t.Channel == channel && t.Language == language)
        ?? templates.FirstOrDefault(t => t.Channel == channel && t.Language == Language.English);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
