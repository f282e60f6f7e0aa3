namespace SpasmCare.Clinical.Surgery;

/// <summary>One published figure: the cumulative share spasm-free by a time after MVD.</summary>
/// <param name="Day">Days after the operation the figure applies to.</param>
/// <param name="Percent">Cumulative percentage spasm-free by then.</param>
/// <param name="Note">What the figure is, and any placement this code chose [D].</param>
public sealed record CourseFigure(int Day, decimal Percent, string Note);

/// <summary>One published course: its figures in time order and where they come from.</summary>
public sealed record CourseSource(string Code, string Name, string Reference, string Population, IReadOnlyList<CourseFigure> Figures)
{
    /// <summary>The latest figure at or before <paramref name="day"/> (a cumulative share cannot fall); null before the first.</summary>
    public decimal? At(int day) => Figures.LastOrDefault(f => f.Day <= day)?.Percent;
}

/// <summary>The expected band at one time point: lowest and highest source value, and each source's value.</summary>
public sealed record ExpectedPoint(int Day, string Label, decimal Low, decimal High, IReadOnlyList<(string Source, decimal Percent)> Values);

/// <summary>
/// The expected course of delayed cure after MVD (DOMAIN §4.4): the cumulative share of patients spasm-free over
/// time in three published series, and the band between the lowest and highest of them at the follow-up milestones.
/// Each source's curve is a step function: at a time point it takes its latest figure at or before that time.
/// The series differ in what they count, and the band is meant to show that spread, not one truth:
/// <list type="bullet">
/// <item>Japan 2021 (175 patients) [S149]: the distribution of time to spasm-free among patients who became
/// spasm-free: &lt;7 days 35 %, 7 days–1 month 16 %, 1–3 months 22 %, 3–6 months 14 %, 6–12 months 10 %, &gt;12 months
/// 3 %; cumulative 35, 51, 73, 87, 97, 100 %. Placing the last 3 % at 2 years is this code's choice [D].</item>
/// <item>Thailand 2024 (100 patients) [S150]: complete in week 1 67 %; delayed complete remission 26 % with median
/// 9.1 months (so about 67 + 13 = 80 % by day 277 [D]); final complete remission 86 % (placed at 12 months [D]; the
/// final figure is below 67 + 26 because some early remissions did not last).</item>
/// <item>Systematic review 2015 (12 studies, 2,727 patients) [S148]: immediate success 71.8 %; overall 85.1 % (placed
/// at 12 months [D]).</item>
/// </list>
/// </summary>
public static class ExpectedCourse
{
    public static IReadOnlyList<CourseSource> Sources { get; } =
    [
        new("japan-2021", "Japan 2021", "DOMAIN §4.4 [S149]", "175 patients; share of those who became spasm-free",
        [
            new(7, 35m, "<7 days: 35 %"),
            new(30, 51m, "7 days–1 month: +16 %"),
            new(91, 73m, "1–3 months: +22 %"),
            new(182, 87m, "3–6 months: +14 %"),
            new(365, 97m, "6–12 months: +10 %"),
            new(730, 100m, ">12 months: +3 % (placed at 2 years [D])"),
        ]),
        new("thailand-2024", "Thailand 2024", "DOMAIN §4.4 [S150]", "100 patients",
        [
            new(7, 67m, "complete in week 1"),
            new(277, 80m, "half of the 26 % delayed remissions, by their median 9.1 months [D]"),
            new(365, 86m, "final complete remission (placed at 12 months [D])"),
        ]),
        new("review-2015", "Systematic review 2015", "DOMAIN §4.4 [S148]", "12 studies, 2,727 patients",
        [
            new(7, 71.8m, "immediate success"),
            new(365, 85.1m, "overall success (placed at 12 months [D])"),
        ]),
    ];

    /// <summary>The band's time points: the follow-up milestones to 2 years.</summary>
    public static IReadOnlyList<(int Day, string Label)> TimePoints { get; } =
    [
        (7, "1 week"), (30, "1 month"), (91, "3 months"), (182, "6 months"), (365, "12 months"), (730, "2 years"),
    ];

    /// <summary>The band at every time point of <see cref="TimePoints"/>.</summary>
    public static IReadOnlyList<ExpectedPoint> Band() => TimePoints.Select(t => At(t.Day, t.Label)!).ToList();

    /// <summary>The band at any day from 7 on (before day 7 no source gives a figure: null).</summary>
    public static ExpectedPoint? At(int day, string? label = null)
    {
        var values = Sources
            .Select(s => (Source: s.Name, Percent: s.At(day)))
            .Where(v => v.Percent is not null)
            .Select(v => (v.Source, v.Percent!.Value))
            .ToList();
        return values.Count == 0
            ? null
            : new ExpectedPoint(day, label ?? $"day {day}", values.Min(v => v.Item2), values.Max(v => v.Item2), values);
    }
}
