using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// The kinds of patient message, the placeholders each one fills, and how a template's text becomes a message:
/// <c>{name}</c> is replaced by its value; any other brace is refused when an admin saves a template, so a typo never
/// reaches a patient as "{pateint}".
/// </summary>
public static partial class MessageTemplates
{
    public const string AppointmentReminder = "appointment-reminder";
    public const string ToxinResponseCheck = "toxin-response-check";

    public static IReadOnlyList<string> Keys { get; } = [AppointmentReminder, ToxinResponseCheck];

    public static IReadOnlyList<Language> Languages { get; } = [Language.English, Language.Hindi, Language.Marathi];

    /// <summary>The placeholders a kind of message may use, with what each one holds (shown to admins).</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Placeholders(string key) => key switch
    {
        AppointmentReminder =>
        [
            ("patient", "the patient's given name"),
            ("date", "the day of the appointment, in the site's time zone"),
            ("time", "the time of the appointment, in the site's time zone"),
            ("type", "the kind of appointment (a tele-consultation says so)"),
            ("practitioner", "the doctor or nurse"),
            ("place", "the site's name and address, or \"by phone or video call\" for a tele-consultation"),
            ("site", "the site's name"),
            ("phone", "the site's telephone number"),
        ],
        ToxinResponseCheck =>
        [
            ("patient", "the patient's given name"),
            ("site", "the site of the injection"),
            ("phone", "that site's telephone number"),
        ],
        _ => [],
    };

    public static string Label(string key) => key switch
    {
        AppointmentReminder => "Appointment reminder",
        ToxinResponseCheck => "Toxin response check (day 14)",
        _ => key,
    };

    public static string Label(MessageChannel channel) => channel == MessageChannel.Sms ? "SMS" : "Email";

    /// <summary>The language code stored on an outbox row: en, hi, mr.</summary>
    public static string Code(Language language) => language switch
    {
        Language.Hindi => "hi",
        Language.Marathi => "mr",
        _ => "en",
    };

    public static string LanguageName(string? code) => code switch
    {
        "hi" => "Hindi",
        "mr" => "Marathi",
        "en" => "English",
        _ => "—",
    };

    /// <summary>
    /// The problems of a template text for <paramref name="key"/>: placeholders it does not know, and braces without
    /// their pair. Empty when the text is fine.
    /// </summary>
    public static IReadOnlyList<string> Problems(string key, string? text)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return problems;
        }

        var known = Placeholders(key).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in PlaceholderRegex().Matches(text).Select(m => m.Groups[1].Value).Distinct())
        {
            if (!known.Contains(name))
            {
                problems.Add($"{{{name}}} is not a placeholder of this message. Use {string.Join(", ", known.Select(k => "{" + k + "}"))}.");
            }
        }

        var rest = PlaceholderRegex().Replace(text, "");
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            problems.Add("A brace has no pair: write placeholders as {name}, with nothing else in braces.");
        }

        return problems;
    }

    /// <summary>Fills the placeholders (one without a value becomes empty) and trims the ends.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderRegex().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value, "")).Trim();

    /// <summary>Values for the admin's preview.</summary>
    public static IReadOnlyDictionary<string, string> SampleValues(string key, Language language)
    {
        var start = new DateTime(2026, 12, 3, 10, 30, 0, DateTimeKind.Unspecified);
        var values = new Dictionary<string, string>
        {
            ["patient"] = language switch { Language.Hindi => "सीमा", Language.Marathi => "सुनील", _ => "Meera" },
            ["site"] = "SpasmCare Clinic, Dadar",
            ["phone"] = "022 2430 1234",
        };
        if (key == AppointmentReminder)
        {
            values["date"] = Date(start, language);
            values["time"] = Time(start, language);
            values["type"] = TypeName("injection-visit", "Injection visit", isRemote: false, language);
            values["practitioner"] = "Dr Anjali Mehta";
            values["place"] = "SpasmCare Clinic, Dadar, 12 Gokhale Road, Mumbai";
        }

        return values;
    }

    /// <summary>A local date as patients read it in their language ("Thu 3 Dec 2026", "गुरुवार, 3 दिसंबर 2026").</summary>
    public static string Date(DateTime local, Language language) => language switch
    {
        Language.Hindi => local.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("hi-IN")),
        Language.Marathi => local.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("mr-IN")),
        _ => local.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>A local time: "10:30 am" in English; 24-hour "14:30" in Hindi and Marathi (followed by बजे / वाजता).</summary>
    public static string Time(DateTime local, Language language) => language == Language.English
        ? local.ToString("h:mm", CultureInfo.InvariantCulture) + (local.Hour < 12 ? " am" : " pm")
        : local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The kind of appointment in the patient's language; types an admin added keep their own name.</summary>
    public static string TypeName(string code, string name, bool isRemote, Language language)
    {
        if (isRemote)
        {
            code = Scheduling.AppointmentTypeSeed.TeleConsultation;
        }

        (string En, string Hi, string Mr)? known = code switch
        {
            Scheduling.AppointmentTypeSeed.NewConsultation => ("new consultation", "नया परामर्श", "नवीन सल्लामसलत"),
            Scheduling.AppointmentTypeSeed.FollowUp => ("follow-up visit", "फ़ॉलो-अप जाँच", "फॉलो-अप तपासणी"),
            Scheduling.AppointmentTypeSeed.InjectionVisit => ("injection visit", "इंजेक्शन विज़िट", "इंजेक्शन भेट"),
            Scheduling.AppointmentTypeSeed.PostOperativeReview => ("post-operative review", "ऑपरेशन के बाद की जाँच", "शस्त्रक्रियेनंतरची तपासणी"),
            Scheduling.AppointmentTypeSeed.TeleConsultation => ("tele-consultation", "टेली-परामर्श", "टेली-सल्लामसलत"),
            Scheduling.AppointmentTypeSeed.MvdSurgery => ("operation", "ऑपरेशन", "शस्त्रक्रिया"),
            _ => null,
        };
        return known is { } k ? language switch { Language.Hindi => k.Hi, Language.Marathi => k.Mr, _ => k.En } : name;
    }

    /// <summary>Where the appointment is: the site and its address, or a remote appointment's "by phone or video".</summary>
    public static string Place(bool isRemote, string site, string address, string city, Language language)
    {
        if (isRemote)
        {
            return language switch
            {
                Language.Hindi => "फ़ोन या वीडियो कॉल पर; क्लिनिक आने की ज़रूरत नहीं",
                Language.Marathi => "फोन किंवा व्हिडिओ कॉलवर; क्लिनिकमध्ये येण्याची गरज नाही",
                _ => "by phone or video call; you need not come to the clinic",
            };
        }

        var place = new StringBuilder(site);
        foreach (var part in new[] { address, city })
        {
            if (!string.IsNullOrWhiteSpace(part) && !place.ToString().Contains(part.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                place.Append(", ").Append(part.Trim());
            }
        }

        return place.ToString();
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PlaceholderRegex();
}
