namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// A read-only hint of the onabotulinumtoxinA units a dose of another product corresponds to (DOMAIN §3.8:
/// onabotulinumtoxinA : incobotulinumtoxinA 1 : 1, onabotulinumtoxinA : abobotulinumtoxinA 1 : 2.5–3). Units of
/// different products are not interchangeable: the hint is shown beside the administered dose and is never used to
/// convert one (DOMAIN §3.8 [D]).
/// </summary>
public static class DoseEquivalence
{
    /// <summary>
    /// "≈ 10–12 onabotulinumtoxinA units at 1:2.5–3" for 30 U at ratios 2.5–3 (the high ratio gives the low figure);
    /// "≈ 12 onabotulinumtoxinA units at 1:2.5" when only one ratio is known or both are equal. Figures are rounded
    /// to 1 decimal place, half away from zero. Null when the ratio is unknown, 1 (nothing to convert), 0 or less, or
    /// the units are negative.
    /// </summary>
    public static string? Hint(decimal units, decimal? ratioLow, decimal? ratioHigh)
    {
        if (units < 0)
        {
            return null;
        }

        var low = ratioLow is > 0 ? ratioLow : null;
        var high = ratioHigh is > 0 ? ratioHigh : null;
        if (low is null && high is null)
        {
            return null;
        }

        var a = low ?? high!.Value;
        var b = high ?? a;
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (a == 1m && b == 1m)
        {
            return null;
        }

        if (a == b)
        {
            return $"≈ {Figure(units / a)} onabotulinumtoxinA units at 1:{ToxinText.Ratio(a)}";
        }

        return $"≈ {Figure(units / b)}–{Figure(units / a)} onabotulinumtoxinA units at 1:{ToxinText.Ratio(a)}–{ToxinText.Ratio(b)}";
    }

    private static string Figure(decimal value) =>
        ToxinText.Units(Math.Round(value, 1, MidpointRounding.AwayFromZero));
}
