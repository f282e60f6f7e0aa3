using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using static SpasmCare.Tests.Clinical.Toxin.ToxinChecks;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>Empty sessions, invalid input, the warning codes and order, and the summary figures.</summary>
public sealed class DoseRulesInputTests
{
    [Fact]
    public void Codes_AreExactlyTheContractCodes()
    {
        Assert.Equal(
            ["per-site-max", "per-session-max", "cumulative-30-days", "interval", "booster", "medial-lower-lid", "levator", "trigeminal-in-hfs"],
            DoseWarningCodes.All);
    }

    [Fact]
    public void TypicalHfsSession_NoWarnings()
    {
        // Choe & Kim 2016 style: 2 U per site, one side, about 28 U (DOMAIN §3.2); last session 13 weeks ago.
        var points = new[]
        {
            "oo-upper-pretarsal-medial", "oo-upper-pretarsal-lateral", "oo-lower-pretarsal-lateral", "oo-orbital-lateral-canthus",
            "corrugator", "frontalis-lateral", "zygomaticus-major", "zygomaticus-minor", "levator-labii-superioris", "risorius",
            "buccinator", "depressor-anguli-oris", "mentalis", "platysma",
        }.Select(code => Point(code, 2m)).ToList();

        Assert.Empty(Warnings(Check(points, [Before(91, 28m), Before(182, 28m)])));
        Assert.Empty(DoseRules.Validate(Check(points)));
    }

    [Fact]
    public void EmptySession_NoWarnings_ZeroTotals()
    {
        var check = Check();

        Assert.Empty(Warnings(check));
        Assert.Empty(DoseRules.Validate(check));
        Assert.Equal(new DoseSummary(0m, 0m, 0m, null, null, null, null), DoseRules.Summarise(check));
    }

    [Fact]
    public void EmptySession_StillWarnsAboutTheInterval()
    {
        Assert.Equal([DoseWarningCodes.Interval], Codes(Check(prior: [Before(10, 20m)])));
    }

    [Fact]
    public void NegativeUnits_ClearFieldError_AndLeftOutOfTheTotals()
    {
        var check = Check([Point("platysma", 5m), Point("platysma", -40m)]);

        var error = Assert.Single(DoseRules.Validate(check));
        Assert.Equal("Points[1].Units", error.Field);
        Assert.Equal("Units must be more than 0 (got -40).", error.Message);
        Assert.Empty(Warnings(check));
        Assert.Equal(5m, DoseRules.Summarise(check).SessionUnits);
    }

    [Fact]
    public void ZeroUnits_FieldError()
    {
        Assert.Equal("Points[0].Units", Assert.Single(DoseRules.Validate(Check([Point("platysma", 0m)]))).Field);
    }

    [Fact]
    public void UnknownMuscleCode_ClearFieldError_NoCrash()
    {
        var check = Check([Point("levator-palpebrae", 2m)]);

        var error = Assert.Single(DoseRules.Validate(check));
        Assert.Equal("Points[0].MuscleCode", error.Field);
        Assert.Equal("Unknown injection site 'levator-palpebrae'.", error.Message);
        Assert.Empty(Warnings(check));
        Assert.Equal(2m, DoseRules.Summarise(check).SessionUnits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingMuscleCode_FieldError_NoCrash(string? code)
    {
        var check = Check([new PlannedPoint(code!, AffectedSide.Right, 8m, InjectionTechnique.Standard)]);

        Assert.Equal("Choose the injection site.", Assert.Single(DoseRules.Validate(check)).Message);
        Assert.Equal("8 U at a point with no site (right) exceeds the 5 U per-site maximum.", Assert.Single(Warnings(check)).Message);
    }

    [Theory]
    [InlineData(AffectedSide.Unknown)]
    [InlineData(AffectedSide.Both)]
    public void SideNotLeftOrRight_FieldError(AffectedSide side)
    {
        var error = Assert.Single(DoseRules.Validate(Check([Point("platysma", 2m, side)])));

        Assert.Equal("Points[0].Side", error.Field);
    }

    [Fact]
    public void UndefinedTechniqueAndIndication_FieldErrors()
    {
        var check = Check([new PlannedPoint("platysma", AffectedSide.Left, 2m, (InjectionTechnique)42)], indication: (InjectionIndication)42);

        Assert.Equal(["Indication", "Points[0].Technique"], DoseRules.Validate(check).Select(e => e.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2.5)]
    public void RatioNotPositive_FieldError_AndTreatedAs1(double ratio)
    {
        var check = Check([Point("platysma", 6m)], ratio: (decimal)ratio);

        Assert.Equal("OnaRatio", Assert.Single(DoseRules.Validate(check)).Field);
        Assert.Equal("6 U at platysma (right) exceeds the 5 U per-site maximum.", Assert.Single(Warnings(check)).Message);
    }

    [Fact]
    public void BadEarlierSession_FieldErrors_NotCountedNegative()
    {
        var check = Check(Platysma(10, 5m), [Before(5, -500m), Before(6, 160m, ratio: 0m)]);

        Assert.Equal(["Prior[0].Units", "Prior[1].OnaRatio"], DoseRules.Validate(check).Select(e => e.Field));
        Assert.Equal(210m, DoseRules.Summarise(check).Cumulative30DaysOnaUnits);
    }

    [Fact]
    public void NullLists_NoCrash()
    {
        var check = new DoseCheck(Day, InjectionIndication.HemifacialSpasm, 1m, false, null!, null!);

        Assert.Empty(DoseRules.Validate(check));
        Assert.Empty(Warnings(check));
    }

    [Fact]
    public void NullPoint_FieldError_NoCrash()
    {
        var check = Check([null!, Point("platysma", 2m)]);

        Assert.Equal("Points[0]", Assert.Single(DoseRules.Validate(check)).Field);
        Assert.Empty(Warnings(check));
    }

    [Fact]
    public void ManyWarnings_ComeInCodeOrder()
    {
        var points = Platysma(14, 5m).Concat([
            Point("masseter", 10m), Point("oo-upper-centre-levator", 6m), Point("oo-lower-medial", 2m)]).ToList();
        var check = Check(points, [Before(10, 150m)], booster: true);

        Assert.Equal(
            [
                DoseWarningCodes.PerSiteMax, DoseWarningCodes.PerSessionMax, DoseWarningCodes.Cumulative30Days,
                DoseWarningCodes.Booster, DoseWarningCodes.MedialLowerLid, DoseWarningCodes.Levator, DoseWarningCodes.TrigeminalInHfs,
            ],
            Codes(check));
        Assert.All(Warnings(check), w => Assert.StartsWith("DOMAIN §3.", w.DomainReference));
    }

    [Fact]
    public void Summary_GivesTotalsAndBothIntervals()
    {
        var check = Check(Platysma(4, 5m), [Before(120, 30m), Before(100, 25m, ratio: 2.5m), Before(20, 5m, booster: true)], ratio: 2.5m);

        var summary = DoseRules.Summarise(check);

        Assert.Equal(new DoseSummary(20m, 8m, 13m, 20, Day.AddDays(-20), 100, Day.AddDays(-100)), summary);
    }
}
