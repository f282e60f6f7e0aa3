using System.Globalization;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Toxin;

/// <summary>Number, date and side wording shared by the toxin messages (invariant culture).</summary>
internal static class ToxinText
{
    /// <summary>Units without trailing zeros: 7.5, 12, 1.25.</summary>
    public static string Units(decimal units) => units.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A ratio such as 2.5.</summary>
    public static string Ratio(decimal ratio) => ratio.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A date as "1 Jan 2025", the form ClinicTime shows.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"left" or "right"; empty for any other value.</summary>
    public static string Side(AffectedSide side) => side switch
    {
        AffectedSide.Left => "left",
        AffectedSide.Right => "right",
        _ => "",
    };

    /// <summary>"1 day" / "3 days".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";

    /// <summary>A catalogue name with a lower-case first letter, for use inside a sentence.</summary>
    public static string InSentence(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
