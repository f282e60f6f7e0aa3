using System.Globalization;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Synthetic patients with unique names and numbers, so tests sharing a database never collide.</summary>
public static class TestData
{
    private static int _counter;

    public static string UniqueWord(string stem)
    {
        // Letters only: names are indexed by word.
        var n = Interlocked.Increment(ref _counter) + Random.Shared.Next(0, 100000);
        var letters = new string(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('a' + (c - '0'))).ToArray());
        return stem + letters;
    }

    public static string UniqueMobile() =>
        "9" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    public static string UniqueAbha() =>
        "91" + Random.Shared.NextInt64(0, 999_999_999_999).ToString("D12", CultureInfo.InvariantCulture);

    public static PatientInput Patient(string? given = null, string? family = null, string? mobile = null) => new()
    {
        GivenName = given ?? UniqueWord("Ramesh"),
        FamilyName = family ?? UniqueWord("Kulkarni"),
        Sex = Sex.Male,
        BirthDate = new DateOnly(1968, 3, 14),
        Mobile = mobile ?? UniqueMobile(),
        Email = "test.patient@example.com",
        AddressLine1 = "12, Tilak Road",
        City = "Pune",
        State = "Maharashtra",
        PinCode = "411002",
        PreferredLanguage = Language.Marathi,
        ContactConsent = true,
    };

    public static Dictionary<string, string> FormFields(PatientInput p, string prefix = "Input.Patient.") => new()
    {
        [prefix + "GivenName"] = p.GivenName,
        [prefix + "FamilyName"] = p.FamilyName ?? "",
        [prefix + "Sex"] = ((int)p.Sex!.Value).ToString(CultureInfo.InvariantCulture),
        [prefix + "BirthDate"] = p.BirthDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [prefix + "Mobile"] = p.Mobile ?? "",
        [prefix + "Email"] = p.Email ?? "",
        [prefix + "AddressLine1"] = p.AddressLine1 ?? "",
        [prefix + "City"] = p.City ?? "",
        [prefix + "State"] = p.State ?? "",
        [prefix + "PinCode"] = p.PinCode ?? "",
        [prefix + "PreferredLanguage"] = ((int)p.PreferredLanguage).ToString(CultureInfo.InvariantCulture),
        [prefix + "AbhaNumber"] = p.AbhaNumber ?? "",
        [prefix + "AbhaAddress"] = p.AbhaAddress ?? "",
        [prefix + "ContactConsent"] = p.ContactConsent ? "true" : "false",
    };
}
