namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// The clinic's thresholds for the dose and timing warnings of <see cref="DoseRules"/>. All doses are
/// onabotulinumtoxinA-equivalent units (product units ÷ the product's ratio, DOMAIN §3.8). Each is a soft stop: the
/// clinician may save past a warning with a reason.
/// </summary>
/// <param name="PerSiteMaxUnits">Largest dose at one injection point. Default 5 U: the Botox blepharospasm label
/// reports little added benefit above 5 U per site, and no facial-nerve reference range in DOMAIN §3.2 goes higher.</param>
/// <param name="PerSessionMaxUnits">Largest total for one session. Default 70 U: the incobotulinumtoxinA label's
/// initial total for both eyes when the earlier onabotulinumtoxinA dose is unknown (35 U per eye), and about 1.5 times
/// the highest published HFS session mean (48.6 U with the bilateral technique; one-sided means are 17–35 U), so a
/// session above it is unusual for HFS and worth a second look (DOMAIN §3.2). The label's 400 U per session across
/// indications is far above any facial session and would never warn.</param>
/// <param name="CumulativeMax30DaysUnits">Largest total in 30 days, this session included. Default 200 U: Botox
/// blepharospasm label (DOMAIN §3.2).</param>
/// <param name="MinIntervalWeeks">Shortest interval between sessions. Default 12 weeks: labels warn that tolerance
/// may develop with treatment more often than every 3 months (DOMAIN §3.5).</param>
/// <param name="BoosterFromWeeks">Start of the booster window after a full session. Default 2 weeks (DOMAIN §3.5, [U]).</param>
/// <param name="BoosterToWeeks">End of the booster window, inclusive. Default 4 weeks (DOMAIN §3.5, [U]).</param>
public sealed record DoseRuleSettings(
    decimal PerSiteMaxUnits,
    decimal PerSessionMaxUnits,
    decimal CumulativeMax30DaysUnits,
    int MinIntervalWeeks,
    int BoosterFromWeeks,
    int BoosterToWeeks)
{
    /// <summary>5 U/site, 70 U/session, 200 U/30 days, 12 weeks, booster window 2–4 weeks (reasons on each parameter).</summary>
    public static DoseRuleSettings Default { get; } = new(5m, 70m, 200m, 12, 2, 4);

    /// <summary>The shortest interval in days (<see cref="MinIntervalWeeks"/> × 7).</summary>
    public int MinIntervalDays => MinIntervalWeeks * 7;

    /// <summary>
    /// Checks that every threshold is positive and that the booster window lies inside the interval:
    /// <see cref="BoosterFromWeeks"/> &lt; <see cref="BoosterToWeeks"/> ≤ <see cref="MinIntervalWeeks"/>.
    /// Each error names the property it concerns. Empty when valid; never throws.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Positive(errors, nameof(PerSiteMaxUnits), PerSiteMaxUnits, "The per-site maximum");
        Positive(errors, nameof(PerSessionMaxUnits), PerSessionMaxUnits, "The per-session maximum");
        Positive(errors, nameof(CumulativeMax30DaysUnits), CumulativeMax30DaysUnits, "The 30-day maximum");
        Positive(errors, nameof(MinIntervalWeeks), MinIntervalWeeks, "The minimum interval");
        Positive(errors, nameof(BoosterFromWeeks), BoosterFromWeeks, "The start of the booster window");
        Positive(errors, nameof(BoosterToWeeks), BoosterToWeeks, "The end of the booster window");

        if (BoosterFromWeeks > 0 && BoosterToWeeks > 0 && BoosterFromWeeks >= BoosterToWeeks)
        {
            errors.Add(new(nameof(BoosterToWeeks), "The booster window must end after it starts (from-weeks less than to-weeks)."));
        }

        if (BoosterToWeeks > 0 && MinIntervalWeeks > 0 && BoosterToWeeks > MinIntervalWeeks)
        {
            errors.Add(new(nameof(BoosterToWeeks), "The booster window must end no later than the minimum interval."));
        }

        return errors;
    }

    private static void Positive(List<FieldError> errors, string field, decimal value, string what)
    {
        if (value <= 0)
        {
            errors.Add(new(field, $"{what} must be more than 0."));
        }
    }
}
