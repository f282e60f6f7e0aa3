using System.Globalization;

namespace SpasmCare.Clinical.Scales;

/// <summary>How item answers become the instrument's total.</summary>
public enum ScoringMethod
{
    /// <summary>Total = sum of the items (JRS, HFS-7, HFS-30). No item may be "not applicable".</summary>
    Sum = 1,

    /// <summary>Total = mean of the items answered with a value; "not applicable" items are left out (BSDI, DOMAIN §2.6).</summary>
    MeanOfApplicable = 2,

    /// <summary>One item holds the grade itself (SMC grade, Cohen–Albert grade).</summary>
    SingleGrade = 3,
}

/// <summary>Which way is better. Every built-in instrument is <see cref="HigherIsWorse"/>.</summary>
public enum ScoreDirection
{
    HigherIsWorse = 1,
    HigherIsBetter = 2,
}

/// <summary>How totals are written: plain numbers, or grades in Roman numerals (SMC I–IV, Cohen 0–IV).</summary>
public enum ScoreNotation
{
    Number = 1,
    RomanGrade = 2,
}

/// <summary>The wording of one response value, e.g. 0 = "None".</summary>
public sealed record ItemAnchor(int Value, string Label);

/// <summary>
/// One item of an instrument. <see cref="Label"/> is neutral ("HFS-7 item 3") until an admin loads licensed
/// wording; the scoring never depends on it.
/// </summary>
public sealed record ItemDefinition
{
    public required string Code { get; init; }
    public required string Label { get; init; }
    public required int Min { get; init; }
    public required int Max { get; init; }
    public bool AllowNotApplicable { get; init; }

    /// <summary>Code of the subscale the item belongs to, or null when unassigned.</summary>
    public string? Subscale { get; init; }

    public IReadOnlyList<ItemAnchor> Anchors { get; init; } = [];
}

/// <summary>A named group of items scored on its own (HFS-30's seven subscales, DOMAIN §2.5).</summary>
public sealed record SubscaleDefinition(string Code, string Name);

/// <summary>
/// A rating scale or questionnaire as versioned data (issue 5): items, scoring method, total range, direction and
/// the minimal important change (MIC) with its source. Scoring code reads only this, so a licensed version with
/// real item wording can be loaded from JSON (<see cref="InstrumentJson"/>) without a code change.
/// </summary>
public sealed record InstrumentDefinition
{
    /// <summary>Stable code of the instrument ("JRS", "HFS7"). Results of the same code can be compared.</summary>
    public required string Code { get; init; }

    /// <summary>Version of this definition ("builtin-1", "licensed-2026"); stored with every result.</summary>
    public required string Version { get; init; }

    public required string Name { get; init; }
    public required ScoringMethod Method { get; init; }
    public required IReadOnlyList<ItemDefinition> Items { get; init; }
    public IReadOnlyList<SubscaleDefinition> Subscales { get; init; } = [];
    public required decimal TotalMin { get; init; }
    public required decimal TotalMax { get; init; }
    public required ScoreDirection Direction { get; init; }

    /// <summary>
    /// The minimal important change as published, sign included (HFS-7 −2.63: the score falls when the patient
    /// improves). Comparisons use its magnitude in the improving direction given by <see cref="Direction"/>.
    /// Null when the source gives none.
    /// </summary>
    public decimal? MinimalImportantChange { get; init; }

    /// <summary>Where the MIC comes from, e.g. "DOMAIN §2.5 [S61]". Required when there is a MIC.</summary>
    public string? MinimalImportantChangeSource { get; init; }

    /// <summary>
    /// How many unanswered items may be tolerated: a <see cref="ScoringMethod.Sum"/> total is then prorated (mean of
    /// the answered items × item count) and a mean is taken over the answered items. 0, the default and the value of
    /// every built-in instrument, means every item must be answered; see <see cref="ScaleScorer"/> for why.
    /// </summary>
    public int MaxMissingItems { get; init; }

    public ScoreNotation Notation { get; init; } = ScoreNotation.Number;

    /// <summary>True while the item labels are neutral placeholders rather than the instrument's own wording.</summary>
    public bool NeutralItemLabels { get; init; }

    /// <summary>Where the instrument is described, e.g. "DOMAIN §2.5 (Tan 2005 [S60])".</summary>
    public string? Source { get; init; }

    /// <summary>What is unverified or deliberately left out, in plain words for the admin and the clinician.</summary>
    public string? Notes { get; init; }

    /// <summary>The item with this code (ordinal), or null.</summary>
    public ItemDefinition? FindItem(string code) => Items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    /// <summary>Writes a total or item value: "5", "2.17", or a Roman grade ("0", "I"…"IV") for graded scales.</summary>
    public string Format(decimal value) =>
        Notation == ScoreNotation.RomanGrade && decimal.IsInteger(value) && value is >= 0 and <= 10
            ? Roman((int)value)
            : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Roman(int value) =>
        value switch
        {
            0 => "0",
            1 => "I",
            2 => "II",
            3 => "III",
            4 => "IV",
            5 => "V",
            6 => "VI",
            7 => "VII",
            8 => "VIII",
            9 => "IX",
            _ => "X",
        };

    /// <summary>
    /// Checks that the definition can be scored: codes, item ranges, subscale references, the total range implied
    /// by the items and method, anchors, and the MIC with its source. Empty when valid; never throws.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Require(errors, "code", Code, "The instrument needs a code.");
        if (!string.IsNullOrWhiteSpace(Code) && !Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add(new("code", "The code may contain only letters, digits, '-' and '_'."));
        }

        Require(errors, "version", Version, "The instrument needs a version.");
        Require(errors, "name", Name, "The instrument needs a name.");

        if (!Enum.IsDefined(Method))
        {
            errors.Add(new("method", "The scoring method must be Sum, MeanOfApplicable or SingleGrade."));
        }

        if (!Enum.IsDefined(Direction))
        {
            errors.Add(new("direction", "The direction must be HigherIsWorse or HigherIsBetter."));
        }

        if (!Enum.IsDefined(Notation))
        {
            errors.Add(new("notation", "The notation must be Number or RomanGrade."));
        }

        ValidateSubscales(errors);
        ValidateItems(errors);
        ValidateTotalRange(errors);
        ValidateMinimalImportantChange(errors);
        return errors;
    }

    private static void Require(List<FieldError> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
    }

    private void ValidateSubscales(List<FieldError> errors)
    {
        if (Subscales is null)
        {
            errors.Add(new("subscales", "Subscales must be a list (it may be empty)."));
            return;
        }

        if (Method == ScoringMethod.SingleGrade && Subscales.Count > 0)
        {
            errors.Add(new("subscales", "A single-grade instrument has no subscales."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Subscales.Count; i++)
        {
            var subscale = Subscales[i];
            if (subscale is null || string.IsNullOrWhiteSpace(subscale.Code) || string.IsNullOrWhiteSpace(subscale.Name))
            {
                errors.Add(new($"subscales[{i}]", "Each subscale needs a code and a name."));
            }
            else if (!seen.Add(subscale.Code))
            {
                errors.Add(new($"subscales[{i}].code", $"The subscale code '{subscale.Code}' is used twice."));
            }
        }
    }

    private void ValidateItems(List<FieldError> errors)
    {
        if (Items is null || Items.Count == 0)
        {
            errors.Add(new("items", "The instrument needs at least one item."));
            return;
        }

        if (Method == ScoringMethod.SingleGrade && Items.Count != 1)
        {
            errors.Add(new("items", "A single-grade instrument has exactly one item."));
        }

        if (MaxMissingItems < 0 || MaxMissingItems >= Items.Count)
        {
            errors.Add(new("maxMissingItems", "The number of tolerated missing items must be at least 0 and less than the number of items."));
        }
        else if (MaxMissingItems > 0 && Method == ScoringMethod.SingleGrade)
        {
            errors.Add(new("maxMissingItems", "A single grade cannot be missing."));
        }

        var subscaleCodes = (Subscales ?? []).Where(s => s is not null).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var path = $"items[{i}]";
            if (item is null)
            {
                errors.Add(new(path, "An item is empty."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Code))
            {
                errors.Add(new($"{path}.code", "Each item needs a code."));
            }
            else if (!seen.Add(item.Code))
            {
                errors.Add(new($"{path}.code", $"The item code '{item.Code}' is used twice."));
            }

            if (string.IsNullOrWhiteSpace(item.Label))
            {
                errors.Add(new($"{path}.label", "Each item needs a label (a neutral one such as 'Item 1' will do)."));
            }

            if (item.Min >= item.Max)
            {
                errors.Add(new($"{path}.max", "The item's maximum must be greater than its minimum."));
            }

            if (item.AllowNotApplicable && Method != ScoringMethod.MeanOfApplicable)
            {
                errors.Add(new($"{path}.allowNotApplicable", "Only a mean-of-applicable instrument can have not-applicable items."));
            }

            if (item.Subscale is not null && !subscaleCodes.Contains(item.Subscale))
            {
                errors.Add(new($"{path}.subscale", $"The subscale '{item.Subscale}' is not defined."));
            }

            ValidateAnchors(errors, item, path);
        }
    }

    private static void ValidateAnchors(List<FieldError> errors, ItemDefinition item, string path)
    {
        if (item.Anchors is null)
        {
            errors.Add(new($"{path}.anchors", "Anchors must be a list (it may be empty)."));
            return;
        }

        var values = new HashSet<int>();
        foreach (var anchor in item.Anchors)
        {
            if (anchor is null || string.IsNullOrWhiteSpace(anchor.Label))
            {
                errors.Add(new($"{path}.anchors", "Each anchor needs a label."));
            }
            else if (anchor.Value < item.Min || anchor.Value > item.Max)
            {
                errors.Add(new($"{path}.anchors", $"The anchor for {anchor.Value} is outside {item.Min}–{item.Max}."));
            }
            else if (!values.Add(anchor.Value))
            {
                errors.Add(new($"{path}.anchors", $"The value {anchor.Value} has two anchors."));
            }
        }
    }

    private void ValidateTotalRange(List<FieldError> errors)
    {
        if (Items is null || Items.Count == 0 || Items.Any(i => i is null))
        {
            return;
        }

        (decimal Min, decimal Max) expected = Method switch
        {
            ScoringMethod.Sum => (Items.Sum(i => i.Min), Items.Sum(i => i.Max)),
            ScoringMethod.MeanOfApplicable => (Items.Min(i => i.Min), Items.Max(i => i.Max)),
            ScoringMethod.SingleGrade => (Items[0].Min, Items[0].Max),
            _ => (TotalMin, TotalMax),
        };
        if (TotalMin != expected.Min || TotalMax != expected.Max)
        {
            errors.Add(new("totalMax", $"The total range {TotalMin}–{TotalMax} does not match the items, which give {expected.Min}–{expected.Max}."));
        }
    }

    private void ValidateMinimalImportantChange(List<FieldError> errors)
    {
        if (MinimalImportantChange is not { } mic)
        {
            return;
        }

        if (mic == 0)
        {
            errors.Add(new("minimalImportantChange", "The minimal important change cannot be 0; leave it empty when there is none."));
        }
        else if (mic < 0 && Direction == ScoreDirection.HigherIsBetter)
        {
            errors.Add(new("minimalImportantChange", "A negative minimal important change means improvement lowers the score, but the direction says higher is better."));
        }

        if (Math.Abs(mic) > TotalMax - TotalMin)
        {
            errors.Add(new("minimalImportantChange", "The minimal important change is larger than the whole score range."));
        }

        if (string.IsNullOrWhiteSpace(MinimalImportantChangeSource))
        {
            errors.Add(new("minimalImportantChangeSource", "Say where the minimal important change comes from."));
        }
    }
}
