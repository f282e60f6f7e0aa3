using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Tests.Clinical.Toxin;

public sealed class ToxinMuscleCatalogueTests
{
    public static TheoryData<string> Codes() => [.. ToxinMuscleCatalogue.All.Select(m => m.Code)];

    [Fact]
    public void All_HasEverySiteOfTheContractOnce()
    {
        string[] expected =
        [
            "oo-upper-pretarsal-medial", "oo-upper-pretarsal-lateral", "oo-upper-centre-levator", "oo-upper-preseptal",
            "oo-lower-pretarsal-lateral", "oo-lower-medial", "oo-orbital-lateral-canthus", "corrugator", "procerus",
            "frontalis-lateral", "nasalis", "zygomaticus-major", "zygomaticus-minor", "levator-labii-superioris",
            "risorius", "buccinator", "orbicularis-oris", "depressor-anguli-oris", "mentalis", "platysma",
            "masseter", "temporalis",
        ];

        Assert.Equal(expected, ToxinMuscleCatalogue.All.Select(m => m.Code));
        Assert.Equal(expected.Length, ToxinMuscleCatalogue.All.Select(m => m.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Site_HasStorableCodeNameRegionAndDoseRange(string code)
    {
        var m = ToxinMuscleCatalogue.Find(code)!;

        Assert.Matches("^[a-z]+(-[a-z]+)*$", m.Code);
        Assert.True(m.Code.Length <= 64);
        Assert.False(string.IsNullOrWhiteSpace(m.Name));
        Assert.Contains(m.Region, new[] { "Periocular", "Brow", "Mid-face", "Perioral", "Chin", "Neck", "Masticatory" });
        Assert.InRange(m.ReferenceDoseLow, 0.1m, m.ReferenceDoseHigh);
        Assert.True(Enum.IsDefined(m.DefaultTechnique));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Site_MapPositionIsOnThePatientsRightAndMirrors(string code)
    {
        var m = ToxinMuscleCatalogue.Find(code)!;

        Assert.InRange(m.MapX, 0.05, 0.5);   // the patient's right is on the viewer's left
        Assert.InRange(m.MapY, 0.05, 0.95);
        Assert.Equal(m.MapX, m.MapXFor(AffectedSide.Right));
        Assert.Equal(1 - m.MapX, m.MapXFor(AffectedSide.Left), 10);
    }

    [Fact]
    public void MapPositions_FollowTheFace()
    {
        double X(string c) => ToxinMuscleCatalogue.Find(c)!.MapX;
        double Y(string c) => ToxinMuscleCatalogue.Find(c)!.MapY;

        Assert.True(Y("frontalis-lateral") < Y("corrugator"));
        Assert.True(Y("corrugator") < Y("oo-upper-pretarsal-medial"));
        Assert.True(Y("oo-upper-pretarsal-medial") < Y("oo-lower-medial"));
        Assert.True(Y("oo-lower-medial") < Y("nasalis"));
        Assert.True(Y("nasalis") < Y("orbicularis-oris"));
        Assert.True(Y("orbicularis-oris") < Y("mentalis"));
        Assert.True(Y("mentalis") < Y("platysma"));
        Assert.True(X("oo-upper-pretarsal-lateral") < X("oo-upper-centre-levator"));   // lateral is further from the midline
        Assert.True(X("oo-upper-centre-levator") < X("oo-upper-pretarsal-medial"));
        Assert.True(X("oo-orbital-lateral-canthus") < X("oo-lower-pretarsal-lateral"));
        Assert.True(X("oo-lower-pretarsal-lateral") < X("oo-lower-medial"));
    }

    [Theory]
    [InlineData("oo-upper-pretarsal-medial", 1.25, 2.5)]
    [InlineData("oo-upper-pretarsal-lateral", 1.25, 2.5)]
    [InlineData("oo-lower-pretarsal-lateral", 1.25, 2.5)]
    [InlineData("oo-orbital-lateral-canthus", 2.5, 5)]
    [InlineData("corrugator", 2.5, 5)]
    [InlineData("frontalis-lateral", 2.5, 5)]
    [InlineData("zygomaticus-major", 1, 2.5)]
    [InlineData("zygomaticus-minor", 1, 2.5)]
    [InlineData("levator-labii-superioris", 1, 2.5)]
    [InlineData("risorius", 1, 2.5)]
    [InlineData("buccinator", 1, 2.5)]
    [InlineData("orbicularis-oris", 0.5, 1.25)]
    [InlineData("mentalis", 1.25, 2.5)]
    [InlineData("depressor-anguli-oris", 1.25, 2.5)]
    [InlineData("platysma", 2.5, 5)]
    public void ReferenceDose_IsDomainTable(string code, double low, double high)
    {
        var m = ToxinMuscleCatalogue.Find(code)!;

        Assert.Equal((decimal)low, m.ReferenceDoseLow);
        Assert.Equal((decimal)high, m.ReferenceDoseHigh);
    }

    [Theory]
    [InlineData("corrugator")]
    [InlineData("procerus")]
    [InlineData("nasalis")]
    [InlineData("zygomaticus-major")]
    [InlineData("orbicularis-oris")]
    [InlineData("mentalis")]
    [InlineData("masseter")]
    [InlineData("temporalis")]
    public void UnverifiedDoseRange_IsMarkedInTheNote(string code)
    {
        Assert.Contains("[U]", ToxinMuscleCatalogue.Find(code)!.Note);
    }

    [Fact]
    public void FacialSites_StayWithinTheDefaultPerSiteMaximum()
    {
        Assert.All(
            ToxinMuscleCatalogue.All.Where(m => m.Nerve == Nerve.Facial),
            m => Assert.True(m.ReferenceDoseHigh <= DoseRuleSettings.Default.PerSiteMaxUnits, m.Code));
    }

    [Fact]
    public void OnlyMasseterAndTemporalis_AreTrigeminal()
    {
        Assert.Equal(["masseter", "temporalis"], ToxinMuscleCatalogue.All.Where(m => m.IsTrigeminal).Select(m => m.Code));
    }

    [Fact]
    public void OnlyMedialLowerLid_HasDiplopiaRisk_AndOnlyLevatorSite_HasPtosisRisk()
    {
        Assert.Equal(["oo-lower-medial"], ToxinMuscleCatalogue.All.Where(m => m.DiplopiaRisk).Select(m => m.Code));
        Assert.Equal(["oo-upper-centre-levator"], ToxinMuscleCatalogue.All.Where(m => m.PtosisRisk).Select(m => m.Code));
    }

    [Theory]
    [InlineData("oo-upper-pretarsal-medial", InjectionTechnique.Pretarsal)]
    [InlineData("oo-lower-pretarsal-lateral", InjectionTechnique.Pretarsal)]
    [InlineData("oo-upper-preseptal", InjectionTechnique.Preseptal)]
    [InlineData("oo-orbital-lateral-canthus", InjectionTechnique.Orbital)]
    public void LidSites_DefaultToTheirTechnique(string code, InjectionTechnique technique)
    {
        Assert.Equal(technique, ToxinMuscleCatalogue.Find(code)!.DefaultTechnique);
    }

    [Theory]
    [InlineData("masseter")]
    [InlineData("MASSETER")]
    [InlineData(" masseter ")]
    public void Find_IgnoresCaseAndSurroundingBlanks(string code)
    {
        Assert.Equal("masseter", ToxinMuscleCatalogue.Find(code)?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("levator-palpebrae")]
    public void Find_UnknownOrBlank_Null(string? code)
    {
        Assert.Null(ToxinMuscleCatalogue.Find(code));
    }

    [Theory]
    [InlineData(InjectionIndication.HemifacialSpasm, false)]
    [InlineData(InjectionIndication.Blepharospasm, false)]
    [InlineData(InjectionIndication.HemimasticatorySpasm, true)]
    [InlineData(InjectionIndication.Other, true)]
    public void ForIndication_OffersTrigeminalSitesOnlyOutsideHfsAndBlepharospasm(InjectionIndication indication, bool offered)
    {
        var sites = ToxinMuscleCatalogue.ForIndication(indication);

        Assert.Equal(offered, sites.Any(m => m.IsTrigeminal));
        Assert.Contains(sites, m => m.Code == "oo-upper-pretarsal-medial");
    }
}
