using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>DOMAIN §3.3 dilution table and the documented rounding.</summary>
public sealed class ReconstitutionTests
{
    [Theory]
    [InlineData(100, 1, 10)]
    [InlineData(100, 2, 5)]
    [InlineData(100, 2.5, 4)]
    [InlineData(100, 4, 2.5)]
    [InlineData(100, 8, 1.25)]
    [InlineData(300, 0.6, 50)]     // abobotulinumtoxinA 300 U vial, 0.6–2.5 mL
    [InlineData(300, 2.5, 12)]
    [InlineData(50, 1.25, 4)]
    public void UnitsPer01Ml_DomainTable(double vialUnits, double salineMl, double expected)
    {
        Assert.Equal((decimal)expected, Reconstitution.UnitsPer01Ml((decimal)vialUnits, (decimal)salineMl));
    }

    [Theory]
    [InlineData(100, 3, 3.33)]
    [InlineData(200, 3, 6.67)]
    [InlineData(100, 1.6, 6.25)]
    public void UnitsPer01Ml_RoundsTo2Places(double vialUnits, double salineMl, double expected)
    {
        Assert.Equal((decimal)expected, Reconstitution.UnitsPer01Ml((decimal)vialUnits, (decimal)salineMl));
    }

    [Theory]
    [InlineData(2.5, 2.5, 0.1)]     // label example: 2.5 U at 4 mL per 100 U
    [InlineData(1.25, 1.25, 0.1)]   // label example: 1.25 U at 8 mL per 100 U
    [InlineData(5, 10, 0.05)]
    [InlineData(5, 4, 0.125)]
    [InlineData(1.25, 4, 0.031)]    // 0.03125 mL
    [InlineData(1, 8, 0.013)]       // 0.0125 mL: half away from zero
    [InlineData(0, 4, 0)]
    public void VolumeMl_RoundsTo3Places(double units, double per01Ml, double expected)
    {
        Assert.Equal((decimal)expected, Reconstitution.VolumeMl((decimal)units, (decimal)per01Ml));
    }

    [Fact]
    public void VolumeMl_OfAWholeVial_IsTheSalineVolume()
    {
        var per01 = Reconstitution.UnitsPer01Ml(100m, 2.5m);

        Assert.Equal(2.5m, Reconstitution.VolumeMl(100m, per01));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(-100, 2)]
    [InlineData(100, 0)]
    [InlineData(100, -1)]
    public void UnitsPer01Ml_NotPositive_Throws(double vialUnits, double salineMl)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Reconstitution.UnitsPer01Ml((decimal)vialUnits, (decimal)salineMl));
    }

    [Theory]
    [InlineData(-1, 4)]
    [InlineData(2, 0)]
    [InlineData(2, -4)]
    public void VolumeMl_InvalidInput_Throws(double units, double per01Ml)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Reconstitution.VolumeMl((decimal)units, (decimal)per01Ml));
    }
}
