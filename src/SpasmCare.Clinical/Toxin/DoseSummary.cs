namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// The figures behind the dose warnings, for display beside the form ("show the computed interval and the cumulative
/// 30-day dose", DOMAIN §3.5). All doses are onabotulinumtoxinA-equivalent units.
/// </summary>
/// <param name="SessionUnits">This session's total in product units (valid points only).</param>
/// <param name="SessionOnaUnits">This session's total ÷ its ratio.</param>
/// <param name="Cumulative30DaysOnaUnits">This session plus the earlier sessions dated within the 29 days before it
/// (a 30-calendar-day period ending on the session date).</param>
/// <param name="DaysSinceLastSession">Days since the most recent earlier session of any kind; null when none.</param>
/// <param name="LastSession">That session's date.</param>
/// <param name="DaysSinceLastFullSession">Days since the most recent earlier non-booster session; null when none.</param>
/// <param name="LastFullSession">That session's date.</param>
public sealed record DoseSummary(
    decimal SessionUnits,
    decimal SessionOnaUnits,
    decimal Cumulative30DaysOnaUnits,
    int? DaysSinceLastSession,
    DateOnly? LastSession,
    int? DaysSinceLastFullSession,
    DateOnly? LastFullSession);
