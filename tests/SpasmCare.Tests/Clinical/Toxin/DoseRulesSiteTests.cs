using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using static SpasmCare.Tests.Clinical.Toxin.ToxinChecks;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>Sites to avoid (DOMAIN §3.7) and trigeminal muscles in HFS (DOMAIN §3.2).</summary>
public sealed class DoseRulesSiteTests
{
    [Fact]
    public void MedialLowerLid_WarnsDiplopia()
    {
        var w = Assert.Single(Warnings(Check([Point("oo-lower-medial", 1.25m)])));

        Assert.Equal(DoseWarningCodes.MedialLowerLid, w.Code);
        Assert.Equal(
            "Injection at orbicularis oculi, lower lid medial (right): toxin here can spread to the inferior oblique muscle and cause double vision (diplopia); the label advises avoiding the medial lower lid.",
            w.Message);
        Assert.Equal("DOMAIN §3.7", w.DomainReference);
    }

    [Fact]
    public void MedialLowerLid_AboveSiteMaximum_BothWarnings()
    {
        var warnings = Warnings(Check([Point("oo-lower-medial", 7.5m)]));

        Assert.Equal([DoseWarningCodes.PerSiteMax, DoseWarningCodes.MedialLowerLid], warnings.Select(w => w.Code));
        Assert.Equal("7.5 U at orbicularis oculi, lower lid medial (right) exceeds the 5 U per-site maximum.", warnings[0].Message);
    }

    [Fact]
    public void MedialLowerLid_OncePerSide()
    {
        var check = Check([
            Point("oo-lower-medial", 1m), Point("OO-LOWER-MEDIAL", 1m),
            Point("oo-lower-medial", 1m, AffectedSide.Left)]);

        var warnings = Warnings(check, DoseWarningCodes.MedialLowerLid);

        Assert.Equal(2, warnings.Count);
        Assert.Contains("(right)", warnings[0].Message);
        Assert.Contains("(left)", warnings[1].Message);
    }

    [Fact]
    public void LowerLidLateral_NoWarning()
    {
        Assert.Empty(Warnings(Check([Point("oo-lower-pretarsal-lateral", 2.5m), Point("oo-upper-pretarsal-lateral", 2.5m)])));
    }

    [Fact]
    public void Levator_WarnsPtosis()
    {
        var w = Assert.Single(Warnings(Check([Point("oo-upper-centre-levator", 2.5m, AffectedSide.Left)])));

        Assert.Equal(DoseWarningCodes.Levator, w.Code);
        Assert.Equal(
            "Injection at orbicularis oculi, upper lid centre over the levator (left): toxin over the levator palpebrae can cause a drooping upper lid (ptosis); the label advises avoiding the levator region.",
            w.Message);
        Assert.Equal("DOMAIN §3.7", w.DomainReference);
    }

    [Theory]
    [InlineData("masseter")]
    [InlineData("temporalis")]
    public void TrigeminalMuscle_InHfs_Warns(string code)
    {
        var w = Assert.Single(Warnings(Check([Point(code, 10m)], indication: InjectionIndication.HemifacialSpasm)));

        Assert.Equal(DoseWarningCodes.TrigeminalInHfs, w.Code);
        Assert.Contains("in a hemifacial-spasm session", w.Message);
        Assert.Contains("trigeminal nerve (CN V)", w.Message);
        Assert.Equal("DOMAIN §3.2", w.DomainReference);
    }

    [Theory]
    [InlineData(InjectionIndication.HemimasticatorySpasm)]
    [InlineData(InjectionIndication.Blepharospasm)]
    [InlineData(InjectionIndication.Other)]
    public void TrigeminalMuscle_OutsideHfs_NoWarning(InjectionIndication indication)
    {
        Assert.Empty(Warnings(Check([Point("masseter", 20m), Point("temporalis", 15m, AffectedSide.Left)], indication: indication)));
    }

    [Fact]
    public void FacialMuscles_InHfs_NoTrigeminalWarning()
    {
        var points = ToxinMuscleCatalogue.All.Where(m => !m.IsTrigeminal).Select(m => Point(m.Code, m.ReferenceDoseLow)).ToList();

        Assert.DoesNotContain(DoseWarningCodes.TrigeminalInHfs, Codes(Check(points)));
    }
}
