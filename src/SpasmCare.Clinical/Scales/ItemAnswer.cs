using System.Globalization;

namespace SpasmCare.Clinical.Scales;

public enum AnswerKind
{
    /// <summary>Not answered. The default, so a forgotten item is never read as 0.</summary>
    Missing = 0,
    Value = 1,
    NotApplicable = 2,
}

/// <summary>
/// The answer to one item: a value, "not applicable", or missing. Written as text by <see cref="ToString"/> ("3",
/// "NA", "") and read back by <see cref="TryParse"/>, so answers can be stored as a dictionary of strings.
/// </summary>
public readonly record struct ItemAnswer
{
    public const string NotApplicableText = "NA";

    private ItemAnswer(AnswerKind kind, int? value)
    {
        Kind = kind;
        Value = value;
    }

    public AnswerKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="AnswerKind.Value"/>; otherwise null.</summary>
    public int? Value { get; }

    public static ItemAnswer Missing => default;
    public static ItemAnswer NotApplicable { get; } = new(AnswerKind.NotApplicable, null);

    public static ItemAnswer Of(int value) => new(AnswerKind.Value, value);

    /// <summary>
    /// Reads "3" (a whole number), "NA" (any case) or blank (missing). Returns false for anything else.
    /// </summary>
    public static bool TryParse(string? text, out ItemAnswer answer)
    {
        answer = Missing;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (string.Equals(trimmed, NotApplicableText, StringComparison.OrdinalIgnoreCase))
        {
            answer = NotApplicable;
            return true;
        }

        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            answer = Of(value);
            return true;
        }

        return false;
    }

    public override string ToString() =>
        Kind switch
        {
            AnswerKind.Value => Value!.Value.ToString(CultureInfo.InvariantCulture),
            AnswerKind.NotApplicable => NotApplicableText,
            _ => "",
        };
}
