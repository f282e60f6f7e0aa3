namespace SpasmCare.Clinical.Scales;

public enum ScoreStatus
{
    /// <summary>Every item answered; <see cref="ScaleResult.Total"/> is set.</summary>
    Complete = 1,

    /// <summary>
    /// Some items unanswered, within the definition's <see cref="InstrumentDefinition.MaxMissingItems"/>; the total
    /// is prorated. Never happens with the built-in instruments.
    /// </summary>
    Prorated = 2,

    /// <summary>Too many items unanswered: no total.</summary>
    Incomplete = 3,

    /// <summary>Every item answered "not applicable": a mean-of-applicable instrument has no score (BSDI, DOMAIN §2.6).</summary>
    NoApplicableItems = 4,

    /// <summary>An answer is out of range, not allowed, or for an unknown item: see <see cref="ScaleResult.Errors"/>.</summary>
    Invalid = 5,
}

/// <summary>The score of one subscale; <see cref="Score"/> is null unless every item of the subscale is answered.</summary>
public sealed record SubscaleResult(string Code, string Name, decimal? Score, int ItemCount, int AnsweredCount);

/// <summary>
/// The outcome of scoring one set of answers. <see cref="Total"/> is exact (a BSDI mean of 13/6 is kept as
/// 2.1666…); round only for display, with <see cref="InstrumentDefinition.Format"/>.
/// </summary>
public sealed record ScaleResult(
    string InstrumentCode,
    string InstrumentVersion,
    ScoreStatus Status,
    decimal? Total,
    IReadOnlyList<SubscaleResult> Subscales,
    IReadOnlyList<string> MissingItems,
    IReadOnlyList<string> NotApplicableItems,
    IReadOnlyList<FieldError> Errors)
{
    public bool HasTotal => Total is not null;
}

/// <summary>
/// Scores answers against an <see cref="InstrumentDefinition"/>.
/// </summary>
/// <remarks>
/// <para><b>Out of range, not allowed, unknown items.</b> Any such answer makes the whole result
/// <see cref="ScoreStatus.Invalid"/> with one <see cref="FieldError"/> per problem (field = item code); no total is
/// computed from answers that are partly wrong.</para>
/// <para><b>Missing items.</b> DOMAIN gives no rule for unanswered items on any of these instruments (§2.1–§2.6).
/// The built-in definitions therefore use the conservative complete-case rule: a total only when every item is
/// answered (for BSDI, answered with a value or "not applicable"). Reasons: the MICs in DOMAIN (HFS-7 −2.63,
/// HFS-30 −4.46) were derived from complete totals; one HFS-7 item spans 4 of the 28 points, more than the MIC,
/// so a prorated total could show or hide an important change that never happened; and the item a patient skips
/// is often the one that troubles them, so assuming it is average is not neutral. A BSDI item left blank may be an
/// applicable activity, so it is not treated as "not applicable" either. A definition loaded later may allow
/// <see cref="InstrumentDefinition.MaxMissingItems"/> &gt; 0 when its publisher gives a proration rule; then a sum is
/// prorated as mean of answered items × item count and a mean is taken over the answered items, with status
/// <see cref="ScoreStatus.Prorated"/>.</para>
/// <para><b>Subscales</b> are scored only when every one of their items is answered (no proration), by the
/// instrument's method; subscales with no items assigned (HFS-30 until a licensed mapping is loaded) have no score.</para>
/// </remarks>
public static class ScaleScorer
{
    public static ScaleResult Score(InstrumentDefinition definition, IReadOnlyDictionary<string, ItemAnswer> answers)
    {
        var errors = new List<FieldError>();
        foreach (var code in answers.Keys.Where(code => definition.FindItem(code) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(new(code, $"{definition.Name} has no item '{code}'."));
        }

        var missing = new List<string>();
        var notApplicable = new List<string>();
        var values = new List<int>();
        foreach (var item in definition.Items)
        {
            var answer = answers.GetValueOrDefault(item.Code);
            switch (answer.Kind)
            {
                case AnswerKind.Missing:
                    missing.Add(item.Code);
                    break;
                case AnswerKind.NotApplicable when item.AllowNotApplicable:
                    notApplicable.Add(item.Code);
                    break;
                case AnswerKind.NotApplicable:
                    errors.Add(new(item.Code, $"{item.Label}: \"not applicable\" is not allowed for this item."));
                    break;
                case AnswerKind.Value when answer.Value < item.Min || answer.Value > item.Max:
                    errors.Add(new(item.Code, $"{item.Label}: {answer.Value} is outside the allowed range {item.Min}–{item.Max}."));
                    break;
                case AnswerKind.Value:
                    values.Add(answer.Value!.Value);
                    break;
                default:
                    errors.Add(new(item.Code, $"{item.Label}: the answer is not readable."));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Result(definition, ScoreStatus.Invalid, null, [], missing, notApplicable, errors);
        }

        var subscales = definition.Subscales.Select(s => ScoreSubscale(definition, s, answers)).ToList();
        if (missing.Count > definition.MaxMissingItems)
        {
            return Result(definition, ScoreStatus.Incomplete, null, subscales, missing, notApplicable, errors);
        }

        var status = missing.Count == 0 ? ScoreStatus.Complete : ScoreStatus.Prorated;
        decimal? total = definition.Method switch
        {
            ScoringMethod.Sum => missing.Count == 0
                ? values.Sum()
                : (decimal)values.Sum() / values.Count * definition.Items.Count,
            ScoringMethod.MeanOfApplicable => values.Count == 0 ? null : (decimal)values.Sum() / values.Count,
            ScoringMethod.SingleGrade => values.Count == 1 ? values[0] : null,
            _ => null,
        };
        if (total is null)
        {
            status = ScoreStatus.NoApplicableItems;
        }

        return Result(definition, status, total, subscales, missing, notApplicable, errors);
    }

    private static SubscaleResult ScoreSubscale(
        InstrumentDefinition definition, SubscaleDefinition subscale, IReadOnlyDictionary<string, ItemAnswer> answers)
    {
        var items = definition.Items.Where(i => string.Equals(i.Subscale, subscale.Code, StringComparison.Ordinal)).ToList();
        var itemAnswers = items.Select(i => answers.GetValueOrDefault(i.Code)).ToList();
        var answered = itemAnswers.Count(a => a.Kind != AnswerKind.Missing);
        var values = itemAnswers.Where(a => a.Kind == AnswerKind.Value).Select(a => a.Value!.Value).ToList();

        decimal? score = null;
        if (items.Count > 0 && answered == items.Count && values.Count > 0)
        {
            score = definition.Method == ScoringMethod.MeanOfApplicable ? (decimal)values.Sum() / values.Count : values.Sum();
        }

        return new(subscale.Code, subscale.Name, score, items.Count, answered);
    }

    private static ScaleResult Result(
        InstrumentDefinition definition,
        ScoreStatus status,
        decimal? total,
        IReadOnlyList<SubscaleResult> subscales,
        IReadOnlyList<string> missing,
        IReadOnlyList<string> notApplicable,
        IReadOnlyList<FieldError> errors) =>
        new(definition.Code, definition.Version, status, total, subscales, missing, notApplicable, errors);
}
