using SpasmCare.Clinical.Scales;

namespace SpasmCare.Clinical;

/// <summary>
/// Jankovic Rating Scale (Jankovic &amp; Orman 1987): severity 0–4 plus frequency 0–4, total 0–8. Designed for
/// blepharospasm and widely applied to HFS; a change of 2 points or more is taken as clinically meaningful.
/// DOMAIN §2.1.
/// </summary>
public sealed record JankovicRatingScale
{
    public const int MaxSubscore = 4;
    public const int MeaningfulChange = 2;

    /// <summary>Item codes of the JRS in <see cref="InstrumentCatalogue.Jrs"/>.</summary>
    public const string SeverityItem = "SEVERITY";
    public const string FrequencyItem = "FREQUENCY";

    public JankovicRatingScale(int severity, int frequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(severity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(severity, MaxSubscore);
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, MaxSubscore);
        Severity = severity;
        Frequency = frequency;
    }

    public int Severity { get; }
    public int Frequency { get; }
    public int Total => Severity + Frequency;

    /// <summary>Improvement (positive) or worsening (negative) from <paramref name="before"/> to this rating.</summary>
    public int ImprovementSince(JankovicRatingScale before) => before.Total - Total;

    /// <summary>True when the total moved by at least <see cref="MeaningfulChange"/> points, in either direction.</summary>
    public bool IsMeaningfulChangeFrom(JankovicRatingScale before) => Math.Abs(ImprovementSince(before)) >= MeaningfulChange;

    /// <summary>This rating as answers to <see cref="InstrumentCatalogue.Jrs"/>, for <see cref="ScaleScorer"/>.</summary>
    public IReadOnlyDictionary<string, ItemAnswer> ToAnswers() =>
        new Dictionary<string, ItemAnswer>(StringComparer.Ordinal)
        {
            [SeverityItem] = ItemAnswer.Of(Severity),
            [FrequencyItem] = ItemAnswer.Of(Frequency),
        };

    // DOMAIN §2.1, Table 16.2 of Craniofacial Muscles [S48].
    public static readonly IReadOnlyList<string> SeverityAnchors =
    [
        "None",
        "Minimal: more blinking, only with external stimuli (bright light, wind, reading, driving)",
        "Mild: spontaneous eyelid fluttering without actual spasm; clearly noticeable, possibly embarrassing, not functionally disabling",
        "Moderate: very noticeable spasm of the eyelids only; mildly incapacitating",
        "Severe: incapacitating spasm of the eyelids and possibly other facial muscles",
    ];

    public static readonly IReadOnlyList<string> FrequencyAnchors =
    [
        "None",
        "Slightly increased blinking",
        "Eyelid fluttering lasting less than 1 second",
        "Eyelid spasm longer than 1 second, but eyes open more than half of waking time",
        "Functionally blind: eyes closed more than half of waking time",
    ];
}
