using SpasmCare.Clinical.Scales;

namespace SpasmCare.Tests.Clinical.Scales;

/// <summary>Builds answer dictionaries from compact text: "Q1=3 Q2=NA Q3=" (blank = missing).</summary>
internal static class ScaleAnswers
{
    public static IReadOnlyDictionary<string, ItemAnswer> Parse(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => ItemAnswer.TryParse(p[1], out var answer) ? answer : throw new FormatException(p[1]), StringComparer.Ordinal);

    /// <summary>Items Q1..Qn all answered with the given values.</summary>
    public static IReadOnlyDictionary<string, ItemAnswer> Values(params int[] values) =>
        values.Select((v, i) => (Code: $"Q{i + 1}", Answer: ItemAnswer.Of(v)))
            .ToDictionary(x => x.Code, x => x.Answer, StringComparer.Ordinal);

    /// <summary>Items Q1..Qcount all answered with the same value.</summary>
    public static IReadOnlyDictionary<string, ItemAnswer> Uniform(int count, int value) =>
        Values(Enumerable.Repeat(value, count).ToArray());
}
