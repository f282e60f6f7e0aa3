using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>Next session from the patient's median benefit, never before the minimum interval (DOMAIN §3.4, §3.5).</summary>
public sealed class NextInjectionTests
{
    private static readonly DateOnly Last = new(2025, 1, 10);

    [Fact]
    public void NoHistory_84Days()
    {
        var due = NextInjection.Compute(Last, [], DoseRuleSettings.Default);

        Assert.Equal(new NextInjectionDue(Last.AddDays(84), Last.AddDays(84), 84, false), due);
    }

    [Fact]
    public void OddCount_MiddleValue()
    {
        var due = NextInjection.Compute(Last, [100, 70, 90], DoseRuleSettings.Default);

        Assert.Equal(new NextInjectionDue(Last.AddDays(90), Last.AddDays(84), 90, true), due);
    }

    [Theory]
    [InlineData(new[] { 80, 90 }, 85)]
    [InlineData(new[] { 95, 90 }, 93)]            // 92.5 → 93
    [InlineData(new[] { 120, 90, 100, 200 }, 110)]
    public void EvenCount_MeanOfTheMiddleTwo_HalfDayRoundedUp(int[] days, int typical)
    {
        var due = NextInjection.Compute(Last, days, DoseRuleSettings.Default);

        Assert.Equal(typical, due.TypicalBenefitDays);
        Assert.Equal(Last.AddDays(typical), due.DueOn);
    }

    [Fact]
    public void ShortBenefit_NeverEarlierThanTheInterval()
    {
        var due = NextInjection.Compute(Last, [50, 60, 55], DoseRuleSettings.Default);

        Assert.Equal(55, due.TypicalBenefitDays);
        Assert.Equal(Last.AddDays(84), due.DueOn);
        Assert.Equal(due.EarliestOn, due.DueOn);
        Assert.True(due.FromHistory);
    }

    [Fact]
    public void BenefitExactlyTheInterval_DueOnTheEarliestDay()
    {
        Assert.Equal(Last.AddDays(84), NextInjection.Compute(Last, [84], DoseRuleSettings.Default).DueOn);
    }

    [Fact]
    public void ClinicInterval_Used()
    {
        var due = NextInjection.Compute(Last, [], DoseRuleSettings.Default with { MinIntervalWeeks = 16 });

        Assert.Equal(Last.AddDays(112), due.EarliestOn);
        Assert.Equal(Last.AddDays(112), due.DueOn);
        Assert.Equal(84, due.TypicalBenefitDays);
    }

    [Fact]
    public void ZeroOrNegativeDurations_Ignored()
    {
        Assert.False(NextInjection.Compute(Last, [0, -5], DoseRuleSettings.Default).FromHistory);
        Assert.Equal(120, NextInjection.Compute(Last, [0, 120, -3], DoseRuleSettings.Default).TypicalBenefitDays);
    }
}
