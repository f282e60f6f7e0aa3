using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>The read-only onabotulinumtoxinA hint (DOMAIN §3.8).</summary>
public sealed class DoseEquivalenceTests
{
    [Fact]
    public void Range_HighRatioGivesTheLowFigure()
    {
        Assert.Equal("≈ 10–12 onabotulinumtoxinA units at 1:2.5–3", DoseEquivalence.Hint(30m, 2.5m, 3m));
    }

    [Fact]
    public void Range_GivenBackwards_SameHint()
    {
        Assert.Equal("≈ 10–12 onabotulinumtoxinA units at 1:2.5–3", DoseEquivalence.Hint(30m, 3m, 2.5m));
    }

    [Fact]
    public void Range_RoundsTo1Place()
    {
        Assert.Equal("≈ 8.3–10 onabotulinumtoxinA units at 1:2.5–3", DoseEquivalence.Hint(25m, 2.5m, 3m));
    }

    [Theory]
    [InlineData(2.5, null)]
    [InlineData(null, 2.5)]
    [InlineData(2.5, 2.5)]
    public void SingleRatio_OneFigure(double? low, double? high)
    {
        Assert.Equal("≈ 12 onabotulinumtoxinA units at 1:2.5", DoseEquivalence.Hint(30m, (decimal?)low, (decimal?)high));
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, null)]
    [InlineData(null, null)]
    [InlineData(0.0, null)]
    [InlineData(-2.5, -3.0)]
    public void RatioOneOrUnknown_Null(double? low, double? high)
    {
        Assert.Null(DoseEquivalence.Hint(30m, (decimal?)low, (decimal?)high));
    }

    [Fact]
    public void NegativeUnits_Null()
    {
        Assert.Null(DoseEquivalence.Hint(-1m, 2.5m, 3m));
    }
}
