using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class ExpectedCourseTests
{
    /// <summary>
    /// The band at each milestone, by hand from DOMAIN §4.4 (each source's latest figure at or before the day):
    /// 1 week: Japan 35, Thailand 67, review 71.8 → 35–71.8. 1 month: Japan 51, 67, 71.8 → 51–71.8.
    /// 3 months: 73, 67, 71.8 → 67–73. 6 months: 87, 67, 71.8 → 67–87. 12 months: 97, 86, 85.1 → 85.1–97.
    /// 2 years: 100, 86, 85.1 → 85.1–100.
    /// </summary>
    [Fact]
    public void Band_AtTheMilestones_IsTheLowestAndHighestSource()
    {
        var band = ExpectedCourse.Band();

        Assert.Equal([7, 30, 91, 182, 365, 730], band.Select(b => b.Day));
        Assert.Equal([35m, 51m, 67m, 67m, 85.1m, 85.1m], band.Select(b => b.Low));
        Assert.Equal([71.8m, 71.8m, 73m, 87m, 97m, 100m], band.Select(b => b.High));
        Assert.Equal("3 months", band[2].Label);
        Assert.All(band, b => Assert.Equal(3, b.Values.Count));
    }

    [Fact]
    public void At_BeforeAnySourceHasAFigure_IsNull()
    {
        Assert.Null(ExpectedCourse.At(6));
    }

    [Fact]
    public void At_Day277_UsesThailandsDelayedMedian()
    {
        var point = ExpectedCourse.At(277)!;

        Assert.Contains(point.Values, v => v.Source == "Thailand 2024" && v.Percent == 80m);
    }

    [Fact]
    public void Sources_JapanDistribution_AddsUpTo100()
    {
        var japan = ExpectedCourse.Sources.Single(s => s.Code == "japan-2021");

        Assert.Equal([35m, 51m, 73m, 87m, 97m, 100m], japan.Figures.Select(f => f.Percent));
        Assert.All(ExpectedCourse.Sources, s => Assert.StartsWith("DOMAIN §4.4", s.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_AreCumulative_NeverFalling()
    {
        Assert.All(ExpectedCourse.Sources, s =>
            Assert.Equal(s.Figures.Select(f => f.Percent).Order(), s.Figures.Select(f => f.Percent)));
    }
}
