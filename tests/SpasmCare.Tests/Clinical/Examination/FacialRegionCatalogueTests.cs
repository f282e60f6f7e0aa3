using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Examination;

public sealed class FacialRegionCatalogueTests
{
    [Fact]
    public void All_CoversEveryRegionOnce()
    {
        Assert.Equal(Enum.GetValues<FacialRegion>(), FacialRegionCatalogue.All.Select(r => r.Region).Order());
    }

    [Fact]
    public void Jaw_IsTrigeminalMasticatoryTerritory()
    {
        var jaw = FacialRegionCatalogue.Get(FacialRegion.Jaw);

        Assert.Equal(CranialNerve.Trigeminal, jaw.Nerve);
        Assert.Equal(FaceZone.Masticatory, jaw.Zone);
        Assert.True(jaw.IsTrigeminal);
        Assert.Equal("Masseter and temporalis", jaw.Muscle);
    }

    [Fact]
    public void AllButJaw_AreFacialNerve()
    {
        var facial = FacialRegionCatalogue.All.Where(r => r.Nerve == CranialNerve.Facial).Select(r => r.Region);

        Assert.DoesNotContain(FacialRegion.Jaw, facial);
        Assert.Equal(9, facial.Count());
    }

    [Theory]
    [InlineData(FacialRegion.UpperLid, FaceZone.Upper, "Orbicularis oculi (upper lid)")]
    [InlineData(FacialRegion.Brow, FaceZone.Upper, "Frontalis")]
    [InlineData(FacialRegion.Cheek, FaceZone.Lower, "Zygomaticus major and minor")]
    [InlineData(FacialRegion.Mouth, FaceZone.Lower, "Orbicularis oris")]
    [InlineData(FacialRegion.Chin, FaceZone.Lower, "Mentalis")]
    [InlineData(FacialRegion.Neck, FaceZone.Lower, "Platysma")]
    public void Get_Region_HasZoneAndMuscle(FacialRegion region, FaceZone zone, string muscle)
    {
        var info = FacialRegionCatalogue.Get(region);

        Assert.Equal(zone, info.Zone);
        Assert.Equal(muscle, info.Muscle);
    }

    [Fact]
    public void Get_UndefinedRegion_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FacialRegionCatalogue.Get((FacialRegion)99));
    }

    [Fact]
    public void FormatThenTryParse_RoundTripsInCatalogueOrder()
    {
        var text = FacialRegionCatalogue.Format([FacialRegion.Jaw, FacialRegion.UpperLid, FacialRegion.Mouth]);

        var ok = FacialRegionCatalogue.TryParse(text, out var regions);

        Assert.Equal("UpperLid,Mouth,Jaw", text);
        Assert.True(ok);
        Assert.Equal([FacialRegion.UpperLid, FacialRegion.Mouth, FacialRegion.Jaw], regions.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_Blank_EmptySet(string? text)
    {
        Assert.True(FacialRegionCatalogue.TryParse(text, out var regions));
        Assert.Empty(regions);
    }

    [Theory]
    [InlineData("UpperLid,Forehead")]
    [InlineData("upperlid")]
    [InlineData("1")]
    public void TryParse_UnknownName_False(string text)
    {
        Assert.False(FacialRegionCatalogue.TryParse(text, out _));
    }
}
