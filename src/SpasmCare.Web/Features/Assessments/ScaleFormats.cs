using System.Globalization;
using SpasmCare.Clinical.Scales;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>How scores, answers and changes are written for people.</summary>
public static class ScaleFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The usual way an instrument is rated, as the form's default (the clinician can change it). HFS-7, HFS-30 and
    /// the BSDI are answered by the patient (DOMAIN §2.5, §2.6); the others are rated by the clinician.
    /// </summary>
    public static RatingMode DefaultMode(string code) =>
        code is "HFS7" or "HFS30" or "BSDI" ? RatingMode.PatientReported : RatingMode.InPerson;

    public static string Mode(RatingMode mode) => mode switch
    {
        RatingMode.InPerson => "In person",
        RatingMode.FromVideo => "From video",
        RatingMode.PatientReported => "Patient-reported",
        _ => mode.ToString(),
    };

    public static ScoreStatus ParseStatus(string status) =>
        Enum.TryParse<ScoreStatus>(status, out var parsed) ? parsed : ScoreStatus.Invalid;

    /// <summary>"11", "2.17", "III", or "no total" when the score has none.</summary>
    public static string Total(InstrumentDefinition definition, decimal? total) =>
        total is { } value ? definition.Format(value) : "no total";

    /// <summary>"11 / 28": the total with the scale's range, so a number is never read without its ceiling.</summary>
    public static string TotalOfRange(InstrumentDefinition definition, decimal? total) =>
        total is { } value ? $"{definition.Format(value)} of {definition.Format(definition.TotalMin)}–{definition.Format(definition.TotalMax)}" : "no total";

    public static string Status(ScoreStatus status, int missing) => status switch
    {
        ScoreStatus.Complete => "Complete",
        ScoreStatus.Prorated => $"Prorated ({missing} not answered)",
        ScoreStatus.Incomplete => $"Incomplete: {missing} {(missing == 1 ? "item" : "items")} not answered, so no total",
        ScoreStatus.NoApplicableItems => "No item applies, so no score",
        _ => status.ToString(),
    };

    /// <summary>One answer as written on the score page: "3 — Moderate…", "Not applicable", "Not answered".</summary>
    public static string Answer(ItemDefinition item, string stored)
    {
        if (!ItemAnswer.TryParse(stored, out var answer))
        {
            return stored;
        }

        return answer.Kind switch
        {
            AnswerKind.Value => item.Anchors.FirstOrDefault(a => a.Value == answer.Value) is { } anchor
                ? $"{answer.Value!.Value.ToString(Invariant)} — {anchor.Label}"
                : answer.Value!.Value.ToString(Invariant),
            AnswerKind.NotApplicable => "Not applicable",
            _ => "Not answered",
        };
    }

    /// <summary>"12 Aug 2026" in the clinic's zone.</summary>
    public static string Date(DateTime local) => local.ToString("d MMM yyyy", Invariant);

    /// <summary>A signed difference with a true minus sign: "−3", "+0.5", "0".</summary>
    public static string Difference(decimal value) =>
        value switch
        {
            < 0 => "\u2212" + (-value).ToString("0.##", Invariant),
            > 0 => "+" + value.ToString("0.##", Invariant),
            _ => "0",
        };

    public static string Mic(decimal mic) => Math.Abs(mic).ToString("0.##", Invariant);

    /// <summary>
    /// The change in words, e.g. "−3 since 12 Aug 2026: important improvement (MIC 2.63)". The verdict is
    /// <see cref="ScoreChange.Between"/>'s; this only words it.
    /// </summary>
    public static string Change(ScoreChange change, DateTime previousLocal)
    {
        if (change.Verdict == ChangeVerdict.NotComparable || change.Difference is not { } difference)
        {
            return "Not comparable with " + Date(previousLocal) + ": " + (change.Reason ?? "no total");
        }

        var verdict = change.Verdict switch
        {
            ChangeVerdict.ImportantImprovement => $"important improvement (MIC {Mic(change.MinimalImportantChange!.Value)})",
            ChangeVerdict.ImportantWorsening => $"important worsening (MIC {Mic(change.MinimalImportantChange!.Value)})",
            ChangeVerdict.BelowMinimalImportantChange => $"less than the minimal important change (MIC {Mic(change.MinimalImportantChange!.Value)})",
            ChangeVerdict.NoMinimalImportantChange => "no minimal important change is published for this scale",
            _ => change.Verdict.ToString(),
        };
        var text = (difference == 0 ? "No change" : Difference(difference)) + " since " + Date(previousLocal) + ": " + verdict;
        if (change.VersionsDiffer)
        {
            text += "; the two were scored with different versions of the instrument";
        }

        if (change.IncludesProratedScore)
        {
            text += "; one total is prorated";
        }

        return text;
    }
}
