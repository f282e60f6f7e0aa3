using SpasmCare.Clinical;

namespace SpasmCare.Tests.Clinical;

public sealed class JankovicRatingScaleTests
{
    [Fact]
    public void Total_IsSeverityPlusFrequency()
    {
        var rating = new JankovicRatingScale(3, 2);

        Assert.Equal(5, rating.Total);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(5, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 5)]
    public void Create_SubscoreOutsideZeroToFour_Throws(int severity, int frequency)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JankovicRatingScale(severity, frequency));
    }

    [Theory]
    [InlineData(3, 3, 2, 2, 2, true)]
    [InlineData(3, 3, 3, 2, 1, false)]
    [InlineData(1, 1, 2, 2, -2, true)]
    public void ImprovementSince_TwoPointsOrMore_IsMeaningful(int s0, int f0, int s1, int f1, int improvement, bool meaningful)
    {
        var before = new JankovicRatingScale(s0, f0);
        var after = new JankovicRatingScale(s1, f1);

        Assert.Equal(improvement, after.ImprovementSince(before));
        Assert.Equal(meaningful, after.IsMeaningfulChangeFrom(before));
    }

    [Fact]
    public void Anchors_CoverEveryScore()
    {
        Assert.Equal(JankovicRatingScale.MaxSubscore + 1, JankovicRatingScale.SeverityAnchors.Count);
        Assert.Equal(JankovicRatingScale.MaxSubscore + 1, JankovicRatingScale.FrequencyAnchors.Count);
    }
}
