using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Tests.Clinical.Toxin;

public sealed class DoseRuleSettingsTests
{
    [Fact]
    public void Default_Is5PerSite70PerSession200In30Days12WeeksBooster2To4Weeks()
    {
        var d = DoseRuleSettings.Default;

        Assert.Equal(new DoseRuleSettings(5m, 70m, 200m, 12, 2, 4), d);
        Assert.Equal(84, d.MinIntervalDays);
        Assert.Empty(d.Validate());
    }

    [Theory]
    [InlineData(0, 70, 200, 12, 2, 4, nameof(DoseRuleSettings.PerSiteMaxUnits))]
    [InlineData(-1, 70, 200, 12, 2, 4, nameof(DoseRuleSettings.PerSiteMaxUnits))]
    [InlineData(5, 0, 200, 12, 2, 4, nameof(DoseRuleSettings.PerSessionMaxUnits))]
    [InlineData(5, 70, -200, 12, 2, 4, nameof(DoseRuleSettings.CumulativeMax30DaysUnits))]
    [InlineData(5, 70, 200, 0, 2, 4, nameof(DoseRuleSettings.MinIntervalWeeks))]
    [InlineData(5, 70, 200, 12, 0, 4, nameof(DoseRuleSettings.BoosterFromWeeks))]
    [InlineData(5, 70, 200, 12, 2, -4, nameof(DoseRuleSettings.BoosterToWeeks))]
    public void Validate_NotPositive_ErrorOnThatField(double site, double session, double cumulative, int interval, int from, int to, string field)
    {
        var settings = new DoseRuleSettings((decimal)site, (decimal)session, (decimal)cumulative, interval, from, to);

        var error = Assert.Single(settings.Validate());
        Assert.Equal(field, error.Field);
        Assert.Contains("more than 0", error.Message);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    public void Validate_BoosterWindowNotEndingAfterItStarts_Error(int from, int to)
    {
        var error = Assert.Single((DoseRuleSettings.Default with { BoosterFromWeeks = from, BoosterToWeeks = to }).Validate());

        Assert.Equal(nameof(DoseRuleSettings.BoosterToWeeks), error.Field);
        Assert.Contains("end after it starts", error.Message);
    }

    [Fact]
    public void Validate_BoosterWindowEndingAtTheMinimumInterval_Valid()
    {
        Assert.Empty((DoseRuleSettings.Default with { BoosterToWeeks = 12 }).Validate());
    }

    [Fact]
    public void Validate_BoosterWindowEndingAfterTheMinimumInterval_Error()
    {
        var error = Assert.Single((DoseRuleSettings.Default with { MinIntervalWeeks = 3 }).Validate());

        Assert.Equal(nameof(DoseRuleSettings.BoosterToWeeks), error.Field);
        Assert.Contains("minimum interval", error.Message);
    }

    [Fact]
    public void Validate_EverythingWrong_OneErrorPerField_NeverThrows()
    {
        var errors = new DoseRuleSettings(0, 0, 0, 0, 0, 0).Validate();

        Assert.Equal(6, errors.Count);
        Assert.Equal(6, errors.Select(e => e.Field).Distinct().Count());
    }
}
