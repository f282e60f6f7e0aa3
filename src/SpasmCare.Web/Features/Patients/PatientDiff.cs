using System.Globalization;
using System.Reflection;

namespace SpasmCare.Web.Features.Patients;

/// <summary>Field-by-field differences between two versions of a patient's demographics.</summary>
public static class PatientDiff
{
    public sealed record Change(string Field, string Label, string Before, string After);

    private static readonly PropertyInfo[] Fields = typeof(PatientInput).GetProperties();

    public static List<Change> Between(PatientInput before, PatientInput after) =>
        Fields
            .Select(p => new Change(p.Name, LabelOf(p), Display(p, before), Display(p, after)))
            .Where(c => c.Before != c.After)
            .ToList();

    /// <summary>Three-way merge: a field the editor left as it was takes the other person's value.</summary>
    public static PatientInput Merge(PatientInput start, PatientInput theirs, PatientInput yours)
    {
        var merged = new PatientInput();
        foreach (var p in Fields)
        {
            var yoursChanged = Show(p.GetValue(start)) != Show(p.GetValue(yours));
            p.SetValue(merged, p.GetValue(yoursChanged ? yours : theirs));
        }

        return merged;
    }

    private static string Display(PropertyInfo p, PatientInput input)
    {
        var text = Show(p.GetValue(input));
        return p.Name is nameof(PatientInput.Mobile) or nameof(PatientInput.EmergencyContactPhone)
            && PatientFormats.NormalizeMobile(text) is { } mobile
            ? PatientFormats.FormatMobile(mobile)
            : text;
    }

    private static string LabelOf(PropertyInfo p) => p.GetCustomAttribute<DisplayAttribute>()?.Name ?? p.Name;

    private static string Show(object? value) => value switch
    {
        null => "",
        bool b => b ? "Yes" : "No",
        DateOnly d => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
