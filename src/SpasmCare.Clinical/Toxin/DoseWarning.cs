namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// One dose or timing warning: a stable <see cref="Code"/> (one of <see cref="DoseWarningCodes"/>), the reason in
/// plain words with the numbers, and the DOMAIN section it rests on (e.g. "DOMAIN §3.2").
/// </summary>
public sealed record DoseWarning(string Code, string Message, string DomainReference);

/// <summary>The codes of <see cref="DoseWarning"/>; stored with a session when the clinician saves past them.</summary>
public static class DoseWarningCodes
{
    /// <summary>A point's onabotulinumtoxinA-equivalent dose is above the per-site maximum.</summary>
    public const string PerSiteMax = "per-site-max";

    /// <summary>The session total is above the per-session maximum.</summary>
    public const string PerSessionMax = "per-session-max";

    /// <summary>This session plus those in the 29 days before it is above the 30-day maximum.</summary>
    public const string Cumulative30Days = "cumulative-30-days";

    /// <summary>Less than the minimum interval since the last session.</summary>
    public const string Interval = "interval";

    /// <summary>A booster: inside the booster window (antibody risk) or outside it.</summary>
    public const string Booster = "booster";

    /// <summary>A point at the medial lower lid (diplopia risk).</summary>
    public const string MedialLowerLid = "medial-lower-lid";

    /// <summary>A point over the levator palpebrae (ptosis risk).</summary>
    public const string Levator = "levator";

    /// <summary>A trigeminal muscle in a hemifacial-spasm session.</summary>
    public const string TrigeminalInHfs = "trigeminal-in-hfs";

    /// <summary>All codes, in the order <see cref="DoseRules.Evaluate"/> reports them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PerSiteMax, PerSessionMax, Cumulative30Days, Interval, Booster, MedialLowerLid, Levator, TrigeminalInHfs];
}
