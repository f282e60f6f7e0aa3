namespace SpasmCare.Clinical.Scales;

public enum ChangeVerdict
{
    /// <summary>Improved by at least the minimal important change.</summary>
    ImportantImprovement = 1,

    /// <summary>Worsened by at least the minimal important change.</summary>
    ImportantWorsening = 2,

    /// <summary>Changed by less than the minimal important change, either way (or not at all).</summary>
    BelowMinimalImportantChange = 3,

    /// <summary>The instrument has no published MIC (SMC, Cohen): the difference is shown without a verdict.</summary>
    NoMinimalImportantChange = 4,

    /// <summary>The two results cannot be compared: see <see cref="ScoreChange.Reason"/>.</summary>
    NotComparable = 5,
}

/// <summary>
/// The change between two results of one instrument. <see cref="Difference"/> is later minus earlier;
/// <see cref="Improvement"/> is the same amount signed so that positive means better, whatever the direction.
/// </summary>
public sealed record ScoreChange(
    ChangeVerdict Verdict,
    decimal? Difference,
    decimal? Improvement,
    decimal? MinimalImportantChange,
    bool IncludesProratedScore,
    bool VersionsDiffer,
    string? Reason)
{
    /// <summary>
    /// Compares <paramref name="before"/> with <paramref name="after"/>. The change meets the MIC when its size in the
    /// improving (or worsening) direction is at least the MIC's magnitude: HFS-7 from 14 to 11 (−3) meets −2.63;
    /// 14 to 12 (−2) does not. DOMAIN §2.1, §2.5, §2.6, §7 item 3. Results of different definition versions of the
    /// same code are compared, and flagged, since versions differ in wording, not scoring.
    /// </summary>
    public static ScoreChange Between(InstrumentDefinition definition, ScaleResult before, ScaleResult after)
    {
        if (!string.Equals(before.InstrumentCode, definition.Code, StringComparison.Ordinal)
            || !string.Equals(after.InstrumentCode, definition.Code, StringComparison.Ordinal))
        {
            return NotComparable(definition, $"Only two {definition.Name} results can be compared.");
        }

        if (before.Total is not { } earlier || after.Total is not { } later)
        {
            return NotComparable(definition, "Both results need a total to be compared.");
        }

        var difference = later - earlier;
        var improvement = definition.Direction == ScoreDirection.HigherIsWorse ? -difference : difference;
        var prorated = before.Status == ScoreStatus.Prorated || after.Status == ScoreStatus.Prorated;
        var versionsDiffer = !string.Equals(before.InstrumentVersion, after.InstrumentVersion, StringComparison.Ordinal);

        var verdict = definition.MinimalImportantChange switch
        {
            null => ChangeVerdict.NoMinimalImportantChange,
            { } mic when improvement >= Math.Abs(mic) => ChangeVerdict.ImportantImprovement,
            { } mic when -improvement >= Math.Abs(mic) => ChangeVerdict.ImportantWorsening,
            _ => ChangeVerdict.BelowMinimalImportantChange,
        };
        return new(verdict, difference, improvement, definition.MinimalImportantChange, prorated, versionsDiffer, null);
    }

    /// <summary>True when the change is an improvement of at least the MIC.</summary>
    public bool MeetsImportantImprovement => Verdict == ChangeVerdict.ImportantImprovement;

    private static ScoreChange NotComparable(InstrumentDefinition definition, string reason) =>
        new(ChangeVerdict.NotComparable, null, null, definition.MinimalImportantChange, false, false, reason);
}
