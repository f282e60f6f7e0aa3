using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>A patient's contact consent and per-channel choices, as staff see them (page and patient-page card).</summary>
public sealed record ContactPreferencesView(
    Guid PatientId, string Mrn, string Name, bool ContactConsent, DateTime? ConsentRecordedAtUtc, string? Mobile, string? Email,
    IReadOnlyList<ContactPreferencesView.ChannelRow> Channels)
{
    /// <summary>One channel: null <see cref="OptedIn"/> means never asked (nothing is sent).</summary>
    public sealed record ChannelRow(MessageChannel Channel, string? Address, bool? OptedIn, ContactPreferenceSource? Source,
        DateTime? ChangedAtUtc, string? ChangedByName, Guid? Version)
    {
        /// <summary>Whether messages go out on this channel now.</summary>
        public bool Receives(bool consent) => consent && OptedIn == true && Address is not null;

        public string State => OptedIn switch { true => "Opted in", false => "Opted out", null => "Not asked" };

        public string How => Source switch
        {
            ContactPreferenceSource.PatientReply => OptedIn == true ? "the patient replied START by SMS" : "the patient replied STOP by SMS",
            ContactPreferenceSource.Staff => "recorded by " + (ChangedByName ?? "staff"),
            _ => "",
        };
    }

    public static async Task<ContactPreferencesView?> LoadAsync(SpasmCareDbContext db, Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new { p.Mrn, p.GivenName, p.FamilyName, p.ContactConsent, p.ConsentRecordedAtUtc, p.Mobile, p.Email })
            .FirstOrDefaultAsync(ct);
        if (patient is null)
        {
            return null;
        }

        var choices = await db.ContactPreferences.AsNoTracking().Where(c => c.PatientId == patientId).ToListAsync(ct);
        var staffIds = choices.Where(c => c.ChangedBy is not null).Select(c => c.ChangedBy!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var mobile = string.IsNullOrEmpty(patient.Mobile) ? null : PatientFormats.FormatMobile(patient.Mobile);
        var rows = new[] { MessageChannel.Sms, MessageChannel.Email }.Select(channel =>
        {
            var c = choices.FirstOrDefault(x => x.Channel == channel);
            var address = channel == MessageChannel.Sms ? mobile : patient.Email;
            return new ChannelRow(channel, address, c?.OptedIn, c?.Source, c?.ChangedAtUtc,
                c?.ChangedBy is { } by ? names.GetValueOrDefault(by) : null, c?.Version);
        }).ToList();
        return new ContactPreferencesView(patientId, patient.Mrn, PatientFormats.FullName(patient.GivenName, patient.FamilyName),
            patient.ContactConsent, patient.ConsentRecordedAtUtc, mobile, patient.Email, rows);
    }
}
