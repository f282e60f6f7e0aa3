using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using static SpasmCare.Tests.Clinical.Toxin.ToxinChecks;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>Per-site, per-session and 30-day dose limits, compared in onabotulinumtoxinA-equivalent units (DOMAIN §3.2).</summary>
public sealed class DoseRulesDoseTests
{
    [Fact]
    public void PerSite_AboveMaximum_WarnsWithUnitsSiteSideAndLimit()
    {
        var w = Assert.Single(Warnings(Check([Point("oo-upper-pretarsal-medial", 7.5m)]), DoseWarningCodes.PerSiteMax));

        Assert.Equal("7.5 U at orbicularis oculi, upper lid pretarsal medial (right) exceeds the 5 U per-site maximum.", w.Message);
        Assert.Equal("DOMAIN §3.2", w.DomainReference);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(5.01, true)]
    [InlineData(2.5, false)]
    public void PerSite_ExactlyTheMaximum_DoesNotWarn(double units, bool warns)
    {
        var warnings = Warnings(Check([Point("oo-orbital-lateral-canthus", (decimal)units)]), DoseWarningCodes.PerSiteMax);

        Assert.Equal(warns, warnings.Count == 1);
    }

    [Theory]
    [InlineData(12.5, false)]   // 12.5 ÷ 2.5 = 5 U
    [InlineData(13, true)]      // 5.2 U
    public void PerSite_OtherProduct_ComparedAsOnabotulinumtoxinAEquivalent(double units, bool warns)
    {
        var warnings = Warnings(Check([Point("platysma", (decimal)units)], ratio: 2.5m), DoseWarningCodes.PerSiteMax);

        Assert.Equal(warns, warnings.Count == 1);
        if (warns)
        {
            Assert.Equal("13 U (≈ 5.2 U onabotulinumtoxinA-equivalent at 1:2.5) at platysma (right) exceeds the 5 U per-site maximum.", warnings[0].Message);
        }
    }

    [Fact]
    public void PerSite_EachPointIsASite_OneWarningPerPointAbove()
    {
        var check = Check([Point("platysma", 6m), Point("platysma", 4m), Point("platysma", 5.5m, AffectedSide.Left)]);

        var warnings = Warnings(check, DoseWarningCodes.PerSiteMax);

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("6 U at platysma (right)", warnings[0].Message);
        Assert.StartsWith("5.5 U at platysma (left)", warnings[1].Message);
    }

    [Fact]
    public void PerSite_TrigeminalSite_Exempt()
    {
        var check = Check([Point("masseter", 20m)], indication: InjectionIndication.HemimasticatorySpasm);

        Assert.Empty(Warnings(check));
    }

    [Fact]
    public void PerSite_UnknownSite_StillChecked()
    {
        var w = Assert.Single(Warnings(Check([Point("eyebrow-x", 7m)]), DoseWarningCodes.PerSiteMax));

        Assert.Equal("7 U at unknown site 'eyebrow-x' (right) exceeds the 5 U per-site maximum.", w.Message);
    }

    [Fact]
    public void PerSite_ClinicSetting_Used()
    {
        var settings = DoseRuleSettings.Default with { PerSiteMaxUnits = 2.5m };

        var warnings = DoseRules.Evaluate(Check([Point("corrugator", 3m)]), settings);

        Assert.Equal("3 U at corrugator supercilii (right) exceeds the 2.5 U per-site maximum.", Assert.Single(warnings).Message);
    }

    [Theory]
    [InlineData(0, false)]     // 14 × 5 = 70 U, exactly the maximum
    [InlineData(0.5, true)]    // 70.5 U
    public void PerSession_AboveMaximum_Warns(double extra, bool warns)
    {
        var points = Platysma(14, 5m).Append(Point("orbicularis-oris", (decimal)extra)).ToList();

        var warnings = Warnings(Check(points), DoseWarningCodes.PerSessionMax);

        Assert.Equal(warns, warnings.Count == 1);
        if (warns)
        {
            Assert.Equal("Session total 70.5 U exceeds the 70 U per-session maximum.", warnings[0].Message);
            Assert.Equal("DOMAIN §3.2", warnings[0].DomainReference);
        }
    }

    [Fact]
    public void PerSession_OtherProduct_ComparedAsOnabotulinumtoxinAEquivalent()
    {
        Assert.Empty(Warnings(Check(Platysma(14, 12.5m), ratio: 2.5m)));   // 175 U = 70 U equivalent

        var w = Assert.Single(Warnings(Check(Platysma(15, 12.5m), ratio: 2.5m)));   // 187.5 U = 75 U equivalent
        Assert.Equal(DoseWarningCodes.PerSessionMax, w.Code);
        Assert.Equal("Session total 187.5 U (≈ 75 U onabotulinumtoxinA-equivalent at 1:2.5) exceeds the 70 U per-session maximum.", w.Message);
    }

    [Theory]
    [InlineData(150, false)]    // 50 + 150 = 200 U, exactly the maximum
    [InlineData(150.5, true)]
    public void Cumulative_ThisSessionIncluded_WarnsAboveMaximum(double earlier, bool warns)
    {
        var check = Check(Platysma(10, 5m), [Before(20, (decimal)earlier)]);

        var warnings = Warnings(check, DoseWarningCodes.Cumulative30Days);

        Assert.Equal(warns, warnings.Count == 1);
        if (warns)
        {
            Assert.Equal(
                "This session's 50 U plus 150.5 U in the 29 days before it makes 200.5 U in 30 days, above the 200 U 30-day maximum.",
                warnings[0].Message);
            Assert.Equal("DOMAIN §3.2", warnings[0].DomainReference);
        }
    }

    [Theory]
    [InlineData(0, true)]     // the same day
    [InlineData(29, true)]    // the first day of the 30-day period
    [InlineData(30, false)]   // exactly 30 days before: outside
    [InlineData(-1, false)]   // dated after this session: ignored
    public void Cumulative_WindowIsTheSessionDayAndThe29DaysBefore(int daysBefore, bool counted)
    {
        var check = Check(Platysma(10, 5m), [Before(daysBefore, 160m)]);

        Assert.Equal(counted, Warnings(check, DoseWarningCodes.Cumulative30Days).Count == 1);
        Assert.Equal(counted ? 210m : 50m, DoseRules.Summarise(check).Cumulative30DaysOnaUnits);
    }

    [Fact]
    public void Cumulative_SumsSeveralEarlierSessionsIncludingBoostersInTheirOwnEquivalent()
    {
        // 50 U now + 100 U ona 25 days ago + 150 U abo (60 U equivalent) booster 10 days ago = 210 U
        var check = Check(Platysma(10, 5m), [Before(25, 100m), Before(10, 150m, booster: true, ratio: 2.5m), Before(40, 100m)]);

        var w = Assert.Single(Warnings(check, DoseWarningCodes.Cumulative30Days));

        Assert.Equal(
            "This session's 50 U onabotulinumtoxinA-equivalent plus 160 U onabotulinumtoxinA-equivalent in the 29 days before it makes 210 U onabotulinumtoxinA-equivalent in 30 days, above the 200 U 30-day maximum.",
            w.Message);
    }

    [Fact]
    public void Cumulative_ClinicSetting_Used()
    {
        var settings = DoseRuleSettings.Default with { CumulativeMax30DaysUnits = 60m };

        var warnings = DoseRules.Evaluate(Check(Platysma(10, 5m), [Before(100, 20m)]), settings);

        Assert.Empty(warnings);
        Assert.Single(DoseRules.Evaluate(Check(Platysma(10, 5m), [Before(29, 20m)]), settings), w => w.Code == DoseWarningCodes.Cumulative30Days);
    }
}
