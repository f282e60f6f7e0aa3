namespace SpasmCare.Clinical.Surgery;

/// <summary>
/// A published figure to set a clinic's own result beside. <see cref="LessThan"/>: the source gives "&lt; Percent".
/// <see cref="Lower"/>/<see cref="Upper"/>: the source's own 95 % interval when it gives one.
/// </summary>
public sealed record PublishedAnchor(
    string Code, string Label, decimal Percent, string Source, string DomainReference, bool LessThan = false,
    decimal? Lower = null, decimal? Upper = null)
{
    public string PercentText =>
        (LessThan ? "<" : "") + Percent.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) + " %";
}

/// <summary>The published MVD figures of DOMAIN §4.1 and §4.4, each with its source.</summary>
public static class PublishedAnchors
{
    private const string Miller = "Miller & Miller 2012 systematic review (22 studies, 5,685 patients; median follow-up 2.9 years)";
    private const string Review2015 = "Systematic review 2015 (12 studies, 2,727 patients)";

    public static PublishedAnchor CompleteResolution { get; } =
        new("complete-resolution", "Complete resolution", 91.1m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor CompleteResolutionMeta { get; } =
        new("complete-resolution-meta", "Long-term complete resolution", 88.5m,
            "Neurol India 2017 meta-analysis (27 studies)", "DOMAIN §4.1 [S34]", Lower: 86.7m, Upper: 90.4m);

    public static PublishedAnchor CompleteAt12Months { get; } =
        new("complete-12-months", "Complete resolution at 12 months", 63.4m,
            "Weidemeier 2025 (135 patients, prospective)", "DOMAIN §4.1 [S75]");

    public static PublishedAnchor Recurrence { get; } = new("recurrence", "Recurrence", 2.4m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor Redo { get; } = new("redo", "Repeat MVD", 1.2m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor TransientFacialPalsy { get; } =
        new("transient-facial-palsy", "Transient facial palsy", 9.5m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor TransientHearingDeficit { get; } =
        new("transient-hearing-deficit", "Transient hearing deficit", 3.2m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor CsfLeak { get; } =
        new("csf-leak", "CSF leak (transient)", 1.4m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor PermanentHearingDeficit { get; } =
        new("permanent-hearing-deficit", "Permanent hearing deficit", 2.3m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor PermanentFacialPalsy { get; } =
        new("permanent-facial-palsy", "Permanent facial palsy", 0.9m, Miller, "DOMAIN §4.1 [S138]");

    public static PublishedAnchor Stroke { get; } = new("stroke", "Stroke", 0.1m, Miller, "DOMAIN §4.1 [S138]", LessThan: true);

    public static PublishedAnchor Death { get; } = new("death", "Death", 0.1m, Miller, "DOMAIN §4.1 [S138]", LessThan: true);

    public static PublishedAnchor ImmediateSuccess { get; } =
        new("immediate-success", "Immediate success", 71.8m, Review2015, "DOMAIN §4.4 [S148]");

    public static PublishedAnchor DelayedRelief { get; } =
        new("delayed-relief", "Delayed relief", 25.4m, Review2015, "DOMAIN §4.4 [S148]");

    public static PublishedAnchor OverallSuccess { get; } =
        new("overall-success", "Overall success", 85.1m, Review2015, "DOMAIN §4.4 [S148]");

    public static PublishedAnchor CompleteInWeekOne { get; } =
        new("complete-week-1", "Complete in week 1", 67m, "Thailand 2024 (100 patients)", "DOMAIN §4.4 [S150]");

    public static IReadOnlyList<PublishedAnchor> All { get; } =
    [
        CompleteResolution, CompleteResolutionMeta, CompleteAt12Months, Recurrence, Redo, TransientFacialPalsy,
        TransientHearingDeficit, CsfLeak, PermanentHearingDeficit, PermanentFacialPalsy, Stroke, Death, ImmediateSuccess,
        DelayedRelief, OverallSuccess, CompleteInWeekOne,
    ];

    public static PublishedAnchor? Find(string code) => All.FirstOrDefault(a => a.Code == code);
}
