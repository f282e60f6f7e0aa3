using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Patients;

/// <summary>The patient page's header and demographics, as shown to staff.</summary>
public sealed record PatientDetails(
    Guid Id, string Mrn, string GivenName, string FamilyName, Sex Sex, DateOnly BirthDate, string Age,
    string Mobile, string? Email, string? Address, Language PreferredLanguage, string? AbhaNumber, string? AbhaAddress,
    string? EmergencyContact, bool ContactConsent, string? ConsentNoticeVersion, DateTime? ConsentRecordedAtUtc,
    bool IsActive, string? StatusReason, DateTime? StatusChangedAtUtc, string? PossibleDuplicateOf,
    DateTime RegisteredAtUtc, DateTime UpdatedAtUtc, Guid Version)
{
    public string FullName => PatientFormats.FullName(GivenName, FamilyName);

    public IEnumerable<string> Flags
    {
        get
        {
            if (!IsActive)
            {
                yield return "Inactive";
            }

            if (PossibleDuplicateOf is not null)
            {
                yield return "Possible duplicate of " + PossibleDuplicateOf;
            }

            if (!ContactConsent)
            {
                yield return "No consent to be contacted";
            }
        }
    }

    public static PatientDetails From(Patient p, DateOnly today) => new(
        p.Id, p.Mrn, p.GivenName, p.FamilyName, p.Sex, p.BirthDate,
        PatientFormats.AgeOn(p.BirthDate, today),
        PatientFormats.FormatMobile(p.Mobile), p.Email,
        JoinAddress(p.AddressLine1, p.AddressLine2, p.City, p.State, p.PinCode), p.PreferredLanguage,
        p.AbhaNumber is null ? null : PatientFormats.FormatAbhaNumber(p.AbhaNumber), p.AbhaAddress,
        p.EmergencyContactName is null ? null : JoinContact(p), p.ContactConsent, p.ConsentNoticeVersion,
        p.ConsentRecordedAtUtc, p.IsActive, p.StatusReason, p.StatusChangedAtUtc, p.PossibleDuplicateOf,
        p.CreatedAtUtc, p.UpdatedAtUtc, p.Version);

    private static string? JoinAddress(params string?[] parts)
    {
        var present = parts.Where(x => !string.IsNullOrWhiteSpace(x)).ToList();
        return present.Count == 0 ? null : string.Join(", ", present);
    }

    private static string JoinContact(Patient p)
    {
        var relation = p.EmergencyContactRelationship is null ? "" : $" ({p.EmergencyContactRelationship})";
        var phone = p.EmergencyContactPhone is null ? "" : ", " + PatientFormats.FormatMobile(p.EmergencyContactPhone);
        return p.EmergencyContactName + relation + phone;
    }
}

public static class GetPatient
{
    /// <summary>Reads one patient for display and records the read; null when there is no such patient.</summary>
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ClinicTime clock)
    {
        public async Task<PatientDetails?> HandleAsync(Guid id, AuditAction action, CancellationToken ct)
        {
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (patient is null)
            {
                return null;
            }

            audit.Read(action, patient.Id);
            return PatientDetails.From(patient, clock.Today);
        }
    }
}
