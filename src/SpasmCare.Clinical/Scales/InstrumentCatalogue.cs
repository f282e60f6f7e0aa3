using System.Globalization;

namespace SpasmCare.Clinical.Scales;

/// <summary>
/// The built-in instrument definitions (version <see cref="BuiltInVersion"/>): JRS, SMC grade, Cohen–Albert grade,
/// HFS-7, HFS-30 and BSDI, with the ranges and MICs of DOMAIN §2 and §7 item 3. Items whose wording DOMAIN could not
/// verify (§2.5, §2.6, §7a) carry neutral labels ("HFS-7 item 3"); nothing here invents wording. A licensed
/// definition loaded with <see cref="InstrumentJson"/> under the same code replaces the text, not the scoring.
/// </summary>
public static class InstrumentCatalogue
{
    public const string BuiltInVersion = "builtin-1";

    /// <summary>Jankovic Rating Scale: severity 0–4 + frequency 0–4, total 0–8, MIC 2. DOMAIN §2.1.</summary>
    public static InstrumentDefinition Jrs { get; } = new()
    {
        Code = "JRS",
        Version = BuiltInVersion,
        Name = "Jankovic Rating Scale",
        Method = ScoringMethod.Sum,
        Items =
        [
            new()
            {
                Code = JankovicRatingScale.SeverityItem, Label = "Severity", Min = 0, Max = JankovicRatingScale.MaxSubscore,
                Anchors = Anchors(JankovicRatingScale.SeverityAnchors),
            },
            new()
            {
                Code = JankovicRatingScale.FrequencyItem, Label = "Frequency", Min = 0, Max = JankovicRatingScale.MaxSubscore,
                Anchors = Anchors(JankovicRatingScale.FrequencyAnchors),
            },
        ],
        TotalMin = 0,
        TotalMax = 2 * JankovicRatingScale.MaxSubscore,
        Direction = ScoreDirection.HigherIsWorse,
        MinimalImportantChange = JankovicRatingScale.MeaningfulChange,
        MinimalImportantChangeSource = "DOMAIN §2.1 (Jankovic 2009 [S50])",
        Source = "DOMAIN §2.1 (Jankovic & Orman 1987 [S48])",
        Notes = "Anchors as reproduced in Craniofacial Muscles, Table 16.2 (DOMAIN §2.1). The 'HFS-adapted JRS' wording of neurosurgerywiki is not used.",
    };

    /// <summary>Samsung Medical Center grade I–IV (Lee 2012). No MIC in DOMAIN. DOMAIN §2.3.</summary>
    public static InstrumentDefinition Smc { get; } = new()
    {
        Code = "SMC",
        Version = BuiltInVersion,
        Name = "SMC grade",
        Method = ScoringMethod.SingleGrade,
        Items =
        [
            new()
            {
                Code = "GRADE", Label = "SMC grade", Min = 1, Max = 4,
                Anchors =
                [
                    new(1, "Localized spasm around the periocular area"),
                    new(2, "Involuntary movement spreads to other parts of the ipsilateral face, affecting other muscle groups (orbicularis oris, zygomaticus, frontalis or platysma)"),
                    new(3, "Interference with vision because of frequent tonic spasms"),
                    new(4, "Disfiguring asymmetry"),
                ],
            },
        ],
        TotalMin = 1,
        TotalMax = 4,
        Direction = ScoreDirection.HigherIsWorse,
        Notation = ScoreNotation.RomanGrade,
        Source = "DOMAIN §2.3 (Lee 2012 [S56])",
        Notes = "Definitions as published in the abstract (DOMAIN §2.3). DOMAIN gives no minimal important change.",
    };

    /// <summary>Cohen–Albert spasm-intensity grade 0–IV. Anchors are [U] in DOMAIN §2.2. No MIC.</summary>
    public static InstrumentDefinition Cohen { get; } = new()
    {
        Code = "COHEN",
        Version = BuiltInVersion,
        Name = "Cohen–Albert grade",
        Method = ScoringMethod.SingleGrade,
        Items =
        [
            new()
            {
                Code = "GRADE", Label = "Cohen–Albert grade", Min = 0, Max = 4,
                Anchors =
                [
                    new(0, "No spasm"),
                    new(1, "Increased blinking caused by external stimuli"),
                    new(2, "Mild spontaneous eyelid/facial twitching, no functional impairment"),
                    new(3, "Moderate, obvious spasm with mild functional impairment"),
                    new(4, "Severe spasm with functional impairment (e.g., cannot read, drive or walk unaided because the eye stays closed)"),
                ],
            },
        ],
        TotalMin = 0,
        TotalMax = 4,
        Direction = ScoreDirection.HigherIsWorse,
        Notation = ScoreNotation.RomanGrade,
        Source = "DOMAIN §2.2 (Cohen 1986; anchors from secondary sources [S55])",
        Notes = "Anchors are unverified (DOMAIN §2.2 [U], §7a): compiled from secondary Chinese sources; confirm against Cohen 1986. DOMAIN gives no minimal important change.",
    };

    /// <summary>HFS-7: 7 items 0–4, total 0–28 ([U] inferred), MIC −2.63. Neutral item labels. DOMAIN §2.5.</summary>
    public static InstrumentDefinition Hfs7 { get; } = new()
    {
        Code = "HFS7",
        Version = BuiltInVersion,
        Name = "HFS-7",
        Method = ScoringMethod.Sum,
        Items = NeutralItems("HFS-7", 7, FrequencyEnds),
        TotalMin = 0,
        TotalMax = 28,
        Direction = ScoreDirection.HigherIsWorse,
        MinimalImportantChange = -2.63m,
        MinimalImportantChangeSource = "DOMAIN §2.5 (Saengphatrachai 2025 [S61]; 95% CI −3.33 to −1.92)",
        NeutralItemLabels = true,
        Source = "DOMAIN §2.5 (Tan 2005 [S60])",
        Notes = "Item wording not verified (DOMAIN §2.5, §7a): neutral labels until licensed text is loaded. Items use the HFS-30 response format; only its end points (0 never, 4 always) are in DOMAIN. The total range 0–28 is inferred (DOMAIN §2.5 [U]). DOMAIN gives no rule for missing items, so a total needs all 7 answers.",
    };

    /// <summary>
    /// HFS-30: 30 items 0–4 in 7 subscales, total 0–120, MIC −4.46. DOMAIN §2.5 names the subscales but not which
    /// items belong to each, so items are unassigned and subscales have no score until a licensed mapping is loaded.
    /// </summary>
    public static InstrumentDefinition Hfs30 { get; } = new()
    {
        Code = "HFS30",
        Version = BuiltInVersion,
        Name = "HFS-30",
        Method = ScoringMethod.Sum,
        Items = NeutralItems("HFS-30", 30, FrequencyEnds),
        Subscales =
        [
            new("MOB", "Mobility"),
            new("ADL", "Activities of daily living"),
            new("EMO", "Emotional well-being"),
            new("STI", "Stigma"),
            new("SOC", "Social support"),
            new("COG", "Cognition"),
            new("COM", "Communication"),
        ],
        TotalMin = 0,
        TotalMax = 120,
        Direction = ScoreDirection.HigherIsWorse,
        MinimalImportantChange = -4.46m,
        MinimalImportantChangeSource = "DOMAIN §2.5 (Saengphatrachai 2025 [S61]; 95% CI −5.41 to −3.65)",
        NeutralItemLabels = true,
        Source = "DOMAIN §2.5 (Tan 2004 [S62])",
        Notes = "Item wording and the item-to-subscale mapping are not in DOMAIN (§2.5, §7a): items carry neutral labels and no subscale, and subscale scores stay empty until a licensed definition assigns them. The total is the raw 0–120 sum as DOMAIN gives it; DOMAIN describes no 0–100 transformation, and the MIC of −4.46 is applied to this raw total. DOMAIN gives no rule for missing items, so a total needs all 30 answers.",
    };

    /// <summary>BSDI: 6 items 0–4 or not applicable, score = mean of applicable items, MIC 0.7. DOMAIN §2.6.</summary>
    public static InstrumentDefinition Bsdi { get; } = new()
    {
        Code = "BSDI",
        Version = BuiltInVersion,
        Name = "Blepharospasm Disability Index",
        Method = ScoringMethod.MeanOfApplicable,
        Items = NeutralItems("BSDI", 6, []).Select(i => i with { AllowNotApplicable = true }).ToList(),
        TotalMin = 0,
        TotalMax = 4,
        Direction = ScoreDirection.HigherIsWorse,
        MinimalImportantChange = 0.7m,
        MinimalImportantChangeSource = "DOMAIN §2.6 (Jankovic 2009 [S50])",
        NeutralItemLabels = true,
        Source = "DOMAIN §2.6 (Jankovic 2009 [S50])",
        Notes = "Items and anchors are unverified (DOMAIN §2.6 [U], §7a). DOMAIN lists the activities (driving, reading, watching TV, shopping, walking, everyday activities) but not their wording or order, so items carry neutral labels. Score = mean of applicable items; no score when none applies. DOMAIN gives no rule for unanswered items, so every item needs a value or 'not applicable'.",
    };

    public static IReadOnlyList<InstrumentDefinition> All { get; } = [Jrs, Smc, Cohen, Hfs7, Hfs30, Bsdi];

    /// <summary>The built-in definition with this code (ordinal, e.g. "HFS7"), or null.</summary>
    public static InstrumentDefinition? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));

    // DOMAIN §2.5: HFS-30 items run from 0 "never" to 4 "always"; HFS-7 uses the same response format.
    private static IReadOnlyList<ItemAnchor> FrequencyEnds => [new(0, "Never"), new(4, "Always")];

    private static List<ItemDefinition> NeutralItems(string prefix, int count, IReadOnlyList<ItemAnchor> anchors) =>
        Enumerable.Range(1, count)
            .Select(n => new ItemDefinition
            {
                Code = "Q" + n.ToString(CultureInfo.InvariantCulture),
                Label = $"{prefix} item {n.ToString(CultureInfo.InvariantCulture)}",
                Min = 0,
                Max = 4,
                Anchors = anchors,
            })
            .ToList();

    private static List<ItemAnchor> Anchors(IReadOnlyList<string> labels) =>
        labels.Select((label, value) => new ItemAnchor(value, label)).ToList();
}
