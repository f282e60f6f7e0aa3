using SpasmCare.Clinical.Toxin;
using static SpasmCare.Tests.Clinical.Toxin.ToxinChecks;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>The minimum interval and the booster window (DOMAIN §3.5).</summary>
public sealed class DoseRulesTimingTests
{
    private static readonly PlannedPoint[] Lids = [Point("oo-upper-pretarsal-medial", 2.5m), Point("oo-lower-pretarsal-lateral", 2.5m)];

    [Theory]
    [InlineData(84, false)]
    [InlineData(83, true)]
    [InlineData(200, false)]
    [InlineData(0, true)]
    public void Interval_SinceLastFullSession_WarnsUnder84Days(int daysBefore, bool warns)
    {
        var warnings = Warnings(Check(Lids, [Before(daysBefore, 20m)]), DoseWarningCodes.Interval);

        Assert.Equal(warns, warnings.Count == 1);
    }

    [Fact]
    public void Interval_Message_SaysTheDaysTheDateAndTheMinimum()
    {
        var w = Assert.Single(Warnings(Check(Lids, [Before(83, 20m)]), DoseWarningCodes.Interval));

        Assert.Equal(
            "Only 83 days since the last session on 8 Apr 2025, less than the 12-week (84-day) minimum interval: tolerance may develop with treatment more often than every 3 months.",
            w.Message);
        Assert.Equal("DOMAIN §3.5", w.DomainReference);
    }

    [Theory]
    [InlineData(84, false)]
    [InlineData(83, true)]
    public void Interval_SinceLastBooster_Counts(int boosterDaysBefore, bool warns)
    {
        var check = Check(Lids, [Before(boosterDaysBefore + 21, 20m), Before(boosterDaysBefore, 5m, booster: true)]);

        var warnings = Warnings(check, DoseWarningCodes.Interval);

        Assert.Equal(warns, warnings.Count == 1);
        if (warns)
        {
            Assert.Contains("83 days since the last session on 8 Apr 2025 (a booster)", warnings[0].Message);
        }
    }

    [Fact]
    public void Interval_NoEarlierSession_NoWarning()
    {
        Assert.Empty(Warnings(Check(Lids)));
    }

    [Fact]
    public void Interval_EarlierSessionsInAnyOrder_MeasuredFromTheMostRecent()
    {
        var check = Check(Lids, [Before(50, 20m), Before(300, 20m), Before(150, 20m)]);

        Assert.Contains("Only 50 days", Assert.Single(Warnings(check, DoseWarningCodes.Interval)).Message);
        Assert.Equal(50, DoseRules.Summarise(check).DaysSinceLastSession);
    }

    [Fact]
    public void Interval_ClinicSetting_Used()
    {
        var settings = DoseRuleSettings.Default with { MinIntervalWeeks = 16 };

        Assert.Single(DoseRules.Evaluate(Check(Lids, [Before(111, 20m)]), settings), w => w.Code == DoseWarningCodes.Interval);
        Assert.Empty(DoseRules.Evaluate(Check(Lids, [Before(112, 20m)]), settings));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(21)]
    [InlineData(28)]
    public void Booster_InsideTheWindow_WarnsAboutAntibodies_NotAboutTheInterval(int daysAfterFull)
    {
        var warnings = Warnings(Check(Lids, [Before(daysAfterFull, 20m)], booster: true));

        var w = Assert.Single(warnings);
        Assert.Equal(DoseWarningCodes.Booster, w.Code);
        Assert.Contains($"Booster {daysAfterFull} days after the full session of", w.Message);
        Assert.Contains("inside the 2–4 week booster window", w.Message);
        Assert.Contains("neutralising antibodies", w.Message);
        Assert.Equal("DOMAIN §3.5, §3.9", w.DomainReference);
    }

    [Fact]
    public void Booster_BeforeTheWindow_WarnsThePeakIsNotReached()
    {
        var w = Assert.Single(Warnings(Check(Lids, [Before(13, 20m)], booster: true)));

        Assert.Equal(DoseWarningCodes.Booster, w.Code);
        Assert.Equal(
            "Booster only 13 days after the full session of 17 Jun 2025, before the 2–4 week booster window: that session has not reached its peak effect (1–2 weeks), so it cannot be judged yet.",
            w.Message);
    }

    [Fact]
    public void Booster_AfterTheWindow_WarnsAndIsCheckedAsAReinjection()
    {
        var warnings = Warnings(Check(Lids, [Before(29, 20m)], booster: true));

        Assert.Equal([DoseWarningCodes.Interval, DoseWarningCodes.Booster], warnings.Select(w => w.Code));
        Assert.Equal(
            "Marked as a booster, but 29 days after the full session of 1 Jun 2025, after the 2–4 week booster window; it is checked as a re-injection.",
            warnings[1].Message);
    }

    [Fact]
    public void Booster_WellAfterTheWindow_OnlyTheBoosterWarning()
    {
        Assert.Equal([DoseWarningCodes.Booster], Codes(Check(Lids, [Before(90, 20m)], booster: true)));
    }

    [Fact]
    public void Booster_NoEarlierFullSession_Warns()
    {
        var w = Assert.Single(Warnings(Check(Lids, booster: true)));

        Assert.Equal(DoseWarningCodes.Booster, w.Code);
        Assert.Contains("no earlier full session", w.Message);
    }

    [Fact]
    public void Booster_SecondBoosterAfterTheSameFullSession_WarnsAndIsCheckedAsAReinjection()
    {
        var check = Check(Lids, [Before(28, 20m), Before(14, 5m, booster: true)], booster: true);

        var warnings = Warnings(check);

        Assert.Equal([DoseWarningCodes.Interval, DoseWarningCodes.Booster], warnings.Select(w => w.Code));
        Assert.Contains("A booster was already given on 16 Jun 2025 after the full session of 2 Jun 2025", warnings[1].Message);
    }

    [Fact]
    public void Booster_ClinicWindow_Used()
    {
        var settings = DoseRuleSettings.Default with { BoosterFromWeeks = 3, BoosterToWeeks = 6 };

        var early = Assert.Single(DoseRules.Evaluate(Check(Lids, [Before(20, 20m)], booster: true), settings));
        var inside = Assert.Single(DoseRules.Evaluate(Check(Lids, [Before(42, 20m)], booster: true), settings));

        Assert.Contains("before the 3–6 week booster window", early.Message);
        Assert.Contains("inside the 3–6 week booster window", inside.Message);
    }

    [Fact]
    public void FullSession_NeverGetsABoosterWarning()
    {
        Assert.DoesNotContain(DoseWarningCodes.Booster, Codes(Check(Lids, [Before(21, 20m)])));
    }
}
