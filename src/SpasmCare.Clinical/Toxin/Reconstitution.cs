namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// Concentration and volume arithmetic for a reconstituted vial (DOMAIN §3.3): a 100 U vial with 1, 2, 2.5, 4 or 8 mL of
/// preservative-free 0.9% saline gives 10, 5, 4, 2.5 or 1.25 U per 0.1 mL. Units are the product's own units.
/// Rounding is half away from zero: concentrations to 2 decimal places (U per 0.1 mL, as written on a vial label),
/// volumes to 3 decimal places (0.001 mL, finer than the 0.005–0.01 mL marks of insulin and tuberculin syringes).
/// </summary>
public static class Reconstitution
{
    /// <summary>Units per 0.1 mL: vial units ÷ saline mL ÷ 10, rounded to 2 decimal places.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Vial units or saline volume is 0 or less.</exception>
    public static decimal UnitsPer01Ml(decimal vialUnits, decimal salineMl)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vialUnits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(salineMl);
        return Math.Round(vialUnits / salineMl / 10m, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The volume in mL that holds <paramref name="units"/>: units ÷ (U per 0.1 mL) × 0.1, rounded to 3 decimal
    /// places. 0 units give 0 mL.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Units are negative, or the concentration is 0 or less.</exception>
    public static decimal VolumeMl(decimal units, decimal unitsPer01Ml)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPer01Ml);
        return Math.Round(units / unitsPer01Ml * 0.1m, 3, MidpointRounding.AwayFromZero);
    }
}
