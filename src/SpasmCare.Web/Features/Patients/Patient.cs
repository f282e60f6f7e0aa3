namespace SpasmCare.Web.Features.Patients;

public enum Sex
{
    Female = 0,
    Male = 1,
    Other = 2,
    Unknown = 3,
}

public enum Language
{
    English = 0,
    Hindi = 1,
    Marathi = 2,
}

/// <summary>
/// A registered patient. Never hard-deleted: deactivation keeps the record and a reason. Every saved change also
/// writes a <see cref="PatientRevision"/>, so earlier versions are kept and conflicting edits can be explained.
/// </summary>
public sealed class Patient : IVersioned
{
    private Patient() { }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string Mrn { get; private init; } = "";
    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public string Mobile { get; private set; } = "";
    public string? Email { get; private set; }
    public string? AddressLine1 { get; private set; }
    public string? AddressLine2 { get; private set; }
    public string? City { get; private set; }
    public string? State { get; private set; }
    public string? PinCode { get; private set; }
    public Language PreferredLanguage { get; private set; }
    public string? AbhaNumber { get; private set; }
    public string? AbhaAddress { get; private set; }
    public string? EmergencyContactName { get; private set; }
    public string? EmergencyContactRelationship { get; private set; }
    public string? EmergencyContactPhone { get; private set; }
    public bool ContactConsent { get; private set; }
    public string? ConsentNoticeVersion { get; private set; }
    public DateTime? ConsentRecordedAtUtc { get; private set; }
    public bool IsActive { get; private set; } = true;
    public string? StatusReason { get; private set; }
    public DateTime? StatusChangedAtUtc { get; private set; }
    public string? PossibleDuplicateOf { get; private set; }

    public List<PatientNameTerm> NameTerms { get; private set; } = [];

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }

    public static Patient Register(string mrn, PatientInput input, string noticeVersion, DateTime nowUtc, string? possibleDuplicateOf)
    {
        var patient = new Patient { Mrn = mrn, PossibleDuplicateOf = possibleDuplicateOf };
        patient.Apply(input, noticeVersion, nowUtc);
        return patient;
    }

    /// <summary>Applies demographics; input must already have passed validation.</summary>
    public void Apply(PatientInput input, string noticeVersion, DateTime nowUtc)
    {
        var givenName = input.GivenName.Trim();
        var familyName = input.FamilyName?.Trim() ?? "";
        if (givenName != GivenName || familyName != FamilyName)
        {
            GivenName = givenName;
            FamilyName = familyName;
            var terms = PatientFormats.NameTerms(givenName, familyName);
            var sortName = PatientNameTerm.SortNameOf(givenName, familyName);
            var words = PatientNameTerm.WordsOf(terms);
            NameTerms.RemoveAll(t => !terms.Contains(t.Term));
            foreach (var existing in NameTerms)
            {
                existing.SortName = sortName;
                existing.Words = words;
            }

            foreach (var term in terms.Where(t => NameTerms.All(n => n.Term != t)))
            {
                NameTerms.Add(new PatientNameTerm { PatientId = Id, Term = term, SortName = sortName, Words = words });
            }
        }

        Sex = input.Sex!.Value;
        BirthDate = input.BirthDate!.Value;
        Mobile = PatientFormats.NormalizeMobile(input.Mobile)!;
        Email = Blank(input.Email)?.ToLowerInvariant();
        AddressLine1 = Blank(input.AddressLine1);
        AddressLine2 = Blank(input.AddressLine2);
        City = Blank(input.City);
        State = Blank(input.State);
        PinCode = Blank(input.PinCode);
        PreferredLanguage = input.PreferredLanguage;
        AbhaNumber = PatientFormats.NormalizeAbhaNumber(input.AbhaNumber);
        AbhaAddress = PatientFormats.NormalizeAbhaAddress(input.AbhaAddress);
        EmergencyContactName = Blank(input.EmergencyContactName);
        EmergencyContactRelationship = Blank(input.EmergencyContactRelationship);
        EmergencyContactPhone = PatientFormats.NormalizeMobile(input.EmergencyContactPhone);
        if (input.ContactConsent != ContactConsent || ConsentRecordedAtUtc is null)
        {
            ContactConsent = input.ContactConsent;
            ConsentNoticeVersion = noticeVersion;
            ConsentRecordedAtUtc = nowUtc;
        }
    }

    public void Deactivate(string reason, DateTime nowUtc)
    {
        IsActive = false;
        StatusReason = reason.Trim();
        StatusChangedAtUtc = nowUtc;
    }

    public void Reactivate(string reason, DateTime nowUtc)
    {
        IsActive = true;
        StatusReason = reason.Trim();
        StatusChangedAtUtc = nowUtc;
    }

    public PatientInput ToInput() => new()
    {
        GivenName = GivenName,
        FamilyName = FamilyName,
        Sex = Sex,
        BirthDate = BirthDate,
        Mobile = Mobile,
        Email = Email,
        AddressLine1 = AddressLine1,
        AddressLine2 = AddressLine2,
        City = City,
        State = State,
        PinCode = PinCode,
        PreferredLanguage = PreferredLanguage,
        AbhaNumber = AbhaNumber,
        AbhaAddress = AbhaAddress,
        EmergencyContactName = EmergencyContactName,
        EmergencyContactRelationship = EmergencyContactRelationship,
        EmergencyContactPhone = EmergencyContactPhone,
        ContactConsent = ContactConsent,
    };

    /// <summary>The input as it would be stored (trimmed, mobile as 10 digits, and so on), for comparisons.</summary>
    public static PatientInput Normalize(PatientInput input)
    {
        var scratch = new Patient();
        scratch.Apply(input, "", DateTime.MinValue);
        return scratch.ToInput();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// A lower-cased word of a patient's name: the index behind "type part of a name" search. The index on
/// (Term, SortName) hands out matches already in display order, so a search reads only the rows it shows; it also
/// carries all of the patient's words, so the other words of a several-word search are checked on the index entry
/// itself instead of by one more lookup per candidate.
/// </summary>
public sealed class PatientNameTerm
{
    public const int TermMax = 50;
    public const int SortNameMax = 201;

    public Guid PatientId { get; init; }
    public string Term { get; init; } = "";

    /// <summary>Family then given name, lower-cased: the order in which results are listed.</summary>
    public string SortName { get; set; } = "";

    /// <summary>All the patient's search words, space-separated with a space at each end (" ravi kumar ").</summary>
    public string Words { get; set; } = "";

    public const int WordsMax = (2 * PatientInput.NameMax) + 3;

    public static string WordsOf(IEnumerable<string> terms)
    {
        var words = " " + string.Join(' ', terms) + " ";
        return words.Length > WordsMax ? words[..WordsMax] : words;
    }

    /// <summary>The LIKE pattern that matches <see cref="Words"/> when one of them starts with <paramref name="token"/>.</summary>
    public static string WordStartPattern(string token) => "% " + token + "%";

    public static string SortNameOf(string givenName, string familyName)
    {
        var name = $"{familyName} {givenName}".Trim().ToLowerInvariant();
        return name.Length > SortNameMax ? name[..SortNameMax] : name;
    }
}
