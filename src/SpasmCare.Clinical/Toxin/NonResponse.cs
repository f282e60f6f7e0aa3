using System.Globalization;

namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// Flags primary and possible secondary non-response to botulinum toxin (DOMAIN §3.9; definitions there are
/// [U — consolidated wording], thresholds here are [D] and named as constants). Boosters are left out throughout;
/// only full sessions count. The flags prompt a review; they do not diagnose antibodies.
/// <list type="bullet">
/// <item><b>Meaningful benefit</b>: a recorded response of Partial or better; when no response grade is recorded, an
/// improvement of at least <see cref="MeaningfulImprovementPercent"/>%.</item>
/// <item><b>Good response</b>: Good or Excellent; when no grade is recorded, an improvement of at least
/// <see cref="GoodImprovementPercent"/>%.</item>
/// <item><b>Primary non-response</b>: no full session so far gave a meaningful benefit, and at least one adequately
/// dosed full session with a recorded outcome gave none. For a first treatment, <b>adequately dosed</b> means at least
/// <see cref="AdequateDoseUnits"/> onabotulinumtoxinA-equivalent units. Placement cannot be judged from the records:
/// the suggested steps ask for it to be reviewed.</item>
/// <item><b>Baseline</b>: the first full session with a good response and the good-response sessions that directly
/// follow it and are neither shorter nor lower than the baseline so far (sessions with no recorded outcome are passed
/// over), at most <see cref="BaselineSessions"/>. Baseline
/// dose = the lowest dose among them; baseline benefit = the median of their benefit days; baseline improvement =
/// the median of their improvement percentages.</item>
/// <item><b>Shorter</b>: benefit days at most <see cref="ShorterFraction"/> × the baseline benefit (at least a quarter
/// shorter). <b>Lower peak</b>: a response graded below Good, or an improvement at least <see cref="LowerPeakPoints"/>
/// percentage points below the baseline improvement.</item>
/// <item><b>Possible secondary non-response</b>: the latest run of consecutive full sessions after the baseline, among
/// those with a recorded outcome, is at least <see cref="ConsecutiveSessions"/> long, and each session in it was
/// shorter or had a lower peak at a dose no lower than the baseline dose (an equal dose counts). A session at a lower
/// dose does not count and ends the run, since the lower dose may explain it; so does a session back to baseline.
/// Loss of benefit shows first as shorter duration, then as a lower peak (British Neurotoxin Network, DOMAIN §3.9).</item>
/// </list>
/// </summary>
public static class NonResponse
{
    /// <summary>Smallest improvement (%) that counts as a meaningful benefit when no response grade is recorded.</summary>
    public const int MeaningfulImprovementPercent = 25;

    /// <summary>Smallest improvement (%) that counts as a good response when no response grade is recorded.</summary>
    public const int GoodImprovementPercent = 50;

    /// <summary>
    /// Smallest session total (onabotulinumtoxinA-equivalent units) that counts as an adequate dose for judging primary
    /// non-response: half the smallest fixed periocular protocol in DOMAIN §3.2 (4 orbital sites × 5 U = 20 U) and
    /// below every published HFS session mean (17–35 U). A failed session below it says more about the dose. [D]
    /// </summary>
    public const decimal AdequateDoseUnits = 10m;

    /// <summary>Most sessions in the baseline.</summary>
    public const int BaselineSessions = 3;

    /// <summary>A benefit at most this fraction of the baseline benefit counts as shorter.</summary>
    public const decimal ShorterFraction = 0.75m;

    /// <summary>An improvement at least this many percentage points below baseline counts as a lower peak.</summary>
    public const int LowerPeakPoints = 25;

    /// <summary>Consecutive worse sessions needed for the secondary flag (DOMAIN §3.9 [D]: "≥2 consecutive sessions").</summary>
    public const int ConsecutiveSessions = 2;

    private static readonly string[] PrimarySteps =
    [
        "Review the diagnosis: hemifacial spasm versus blepharospasm, a functional disorder or another mimic (DOMAIN §1.3).",
        "Review the injection sites and technique against the muscles in spasm.",
        "Review the dose, and the product's storage, reconstitution and use-before time (DOMAIN §3.3).",
    ];

    private static readonly string[] SecondarySteps =
    [
        "Rule out other causes first: changed sites, dose, product or lot, storage and reconstitution.",
        "Consider a frontalis (unilateral brow) test: 2 injections above the lateral and medial canthus of one eye; brow asymmetry at 2–4 weeks shows the toxin still works and excludes immunoresistance (DOMAIN §3.9).",
        "Consider an extensor digitorum brevis test or a neutralising-antibody assay (DOMAIN §3.9).",
        "Keep intervals at 12 weeks or more, avoid boosters and use the lowest effective dose (DOMAIN §3.9, [U]).",
    ];

    /// <summary>Assesses a patient's sessions, oldest first (they are re-sorted by date; the order of equal dates is kept).</summary>
    public static NonResponseAssessment Evaluate(IReadOnlyList<ToxinCycle> cyclesOldestFirst)
    {
        var full = (cyclesOldestFirst ?? []).Where(c => c is not null && !c.IsBooster).OrderBy(c => c.Date).ToList();
        var evidence = new List<string>();
        var steps = new List<string>();

        var primaryReason = Primary(full);
        if (primaryReason is not null)
        {
            evidence.Add(primaryReason);
            steps.AddRange(PrimarySteps);
        }

        var secondary = Secondary(full, evidence);
        if (secondary)
        {
            steps.AddRange(SecondarySteps);
        }

        return new(primaryReason is not null, primaryReason, secondary, evidence, steps);
    }

    private static int? Improvement(ToxinCycle c) => c.ImprovementPercent is >= 0 and <= 100 ? c.ImprovementPercent : null;

    private static int? Benefit(ToxinCycle c) => c.BenefitDays is > 0 ? c.BenefitDays : null;

    private static bool HasOutcome(ToxinCycle c) => c.Response is not null || Improvement(c) is not null || Benefit(c) is not null;

    /// <summary>True/false when the peak was recorded (grade or percentage); null when it was not.</summary>
    private static bool? MeaningfulBenefit(ToxinCycle c) => c.Response is { } r
        ? r != ToxinResponse.None
        : Improvement(c) is { } p ? p >= MeaningfulImprovementPercent : null;

    private static bool GoodResponse(ToxinCycle c) => c.Response is { } r
        ? r is ToxinResponse.Good or ToxinResponse.Excellent
        : Improvement(c) >= GoodImprovementPercent;

    private static string? Primary(List<ToxinCycle> full)
    {
        if (full.Any(c => MeaningfulBenefit(c) == true))
        {
            return null;
        }

        var failed = full.FirstOrDefault(c => MeaningfulBenefit(c) == false && c.OnaUnits >= AdequateDoseUnits);
        if (failed is null)
        {
            return null;
        }

        var count = full.Count(c => MeaningfulBenefit(c) == false);
        var others = count > 1 ? $" {count} sessions had no meaningful benefit in all." : "";
        return $"No meaningful benefit from the adequately dosed session of {ToxinText.Date(failed.Date)} ({ToxinText.Units(failed.OnaUnits)} U, at least {ToxinText.Units(AdequateDoseUnits)} U), and no session has helped so far.{others}";
    }

    private static bool Secondary(List<ToxinCycle> full, List<string> evidence)
    {
        var start = full.FindIndex(c => HasOutcome(c) && GoodResponse(c));
        if (start < 0)
        {
            return false;
        }

        var baseline = new List<ToxinCycle> { full[start] };
        var next = start + 1;
        for (; next < full.Count && baseline.Count < BaselineSessions; next++)
        {
            if (!HasOutcome(full[next]))
            {
                continue;
            }

            if (!GoodResponse(full[next])
                || Worse(full[next], Median(baseline.Select(Benefit)), Median(baseline.Select(Improvement))).Count > 0)
            {
                break;
            }

            baseline.Add(full[next]);
        }

        var lastBaseline = full.IndexOf(baseline[^1]);
        var dose = baseline.Min(c => c.OnaUnits);
        var benefit = Median(baseline.Select(Benefit));
        var improvement = Median(baseline.Select(Improvement));

        var run = new List<string>();
        foreach (var cycle in full.Skip(lastBaseline + 1).Where(HasOutcome))
        {
            var reasons = Worse(cycle, benefit, improvement);
            if (reasons.Count == 0 || cycle.OnaUnits < dose)
            {
                run.Clear();
                continue;
            }

            run.Add($"{ToxinText.Date(cycle.Date)} at {ToxinText.Units(cycle.OnaUnits)} U: {string.Join("; ", reasons)}.");
        }

        if (run.Count < ConsecutiveSessions)
        {
            return false;
        }

        evidence.Add(BaselineText(baseline, dose, benefit, improvement));
        evidence.AddRange(run);
        return true;
    }

    private static List<string> Worse(ToxinCycle cycle, decimal? baselineBenefit, decimal? baselineImprovement)
    {
        var reasons = new List<string>();
        if (Benefit(cycle) is { } days && baselineBenefit is { } b && days <= b * ShorterFraction)
        {
            reasons.Add($"benefit {ToxinText.Days(days)}, shorter than the baseline {ToxinText.Units(b)} days");
        }

        if (cycle.Response is ToxinResponse.None or ToxinResponse.Partial)
        {
            reasons.Add($"response {cycle.Response.Value.ToString().ToLowerInvariant()}, below the good baseline response");
        }
        else if (Improvement(cycle) is { } p && baselineImprovement is { } i && p <= i - LowerPeakPoints)
        {
            reasons.Add($"improvement {p.ToString(CultureInfo.InvariantCulture)}%, below the baseline {ToxinText.Units(i)}%");
        }
        else if (cycle.Response is null && Improvement(cycle) is { } q && baselineImprovement is null && q < GoodImprovementPercent)
        {
            reasons.Add($"improvement {q.ToString(CultureInfo.InvariantCulture)}%, below a good response");
        }

        return reasons;
    }

    private static string BaselineText(List<ToxinCycle> baseline, decimal dose, decimal? benefit, decimal? improvement)
    {
        var sessions = baseline.Count == 1 ? "1 session" : $"{baseline.Count.ToString(CultureInfo.InvariantCulture)} sessions";
        var parts = new List<string> { $"lowest dose {ToxinText.Units(dose)} U" };
        if (benefit is { } b)
        {
            parts.Add($"median benefit {ToxinText.Units(b)} days");
        }

        if (improvement is { } i)
        {
            parts.Add($"median improvement {ToxinText.Units(i)}%");
        }

        return $"Baseline: {sessions} with a good response from {ToxinText.Date(baseline[0].Date)} ({string.Join(", ", parts)}).";
    }

    private static decimal? Median(IEnumerable<int?> values)
    {
        var sorted = values.OfType<int>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}
