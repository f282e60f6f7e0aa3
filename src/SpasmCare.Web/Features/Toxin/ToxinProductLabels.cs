using System.Globalization;
using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>Words for products and vials on the catalogue, stock and recall pages.</summary>
public static class ToxinProductLabels
{
    public static string Of(ToxinSubstance substance) => substance switch
    {
        ToxinSubstance.OnabotulinumtoxinA => "onabotulinumtoxinA",
        ToxinSubstance.AbobotulinumtoxinA => "abobotulinumtoxinA",
        ToxinSubstance.IncobotulinumtoxinA => "incobotulinumtoxinA",
        ToxinSubstance.PrabotulinumtoxinA => "prabotulinumtoxinA",
        ToxinSubstance.LetibotulinumtoxinA => "letibotulinumtoxinA",
        ToxinSubstance.Other => "Other",
        _ => substance.ToString(),
    };

    public static string Of(VialStatus status) => status switch
    {
        VialStatus.InStock => "Sealed",
        VialStatus.Reconstituted => "Open",
        VialStatus.Finished => "Empty",
        VialStatus.Discarded => "Discarded",
        _ => status.ToString(),
    };

    public static string Of(VialEntryKind kind) => kind switch
    {
        VialEntryKind.Draw => "Drawn",
        VialEntryKind.Waste => "Wasted",
        _ => kind.ToString(),
    };

    /// <summary>"1:2.5–3", "1:1", or "—" when unknown.</summary>
    public static string Ratio(decimal? low, decimal? high)
    {
        if (low is null && high is null)
        {
            return "—";
        }

        var a = low ?? high!.Value;
        var b = high ?? a;
        return a == b ? $"1:{Number(a)}" : $"1:{Number(a)}–{Number(b)}";
    }

    /// <summary>
    /// The read-only reference hint for a product, e.g. "100 U ≈ 33.3–40 onabotulinumtoxinA units at 1:2.5–3", or
    /// "Same units as onabotulinumtoxinA (1:1)". Null when the ratio is unknown. Never used to convert a dose.
    /// </summary>
    public static string? RatioHint(decimal? low, decimal? high)
    {
        if (low is null && high is null)
        {
            return null;
        }

        return DoseEquivalence.Hint(100m, low, high) is { } hint
            ? "100 U " + hint + " (a reference only: units are not interchangeable)"
            : "Same units as onabotulinumtoxinA (1:1, a reference only)";
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
