using SpasmCare.Motion;

namespace SpasmCare.Tests.Motion;

public sealed class FissureAsymmetryTests
{
    [Fact]
    public void RelativeClosure_OneSidedNarrowing_IsTheFractionClosed()
    {
        double[] affected = [10, 5, 0, 12];
        double[] unaffected = [10, 10, 10, 10];

        var closure = FissureAsymmetry.RelativeClosure(affected, unaffected, minimumOpening: 2);

        Assert.Equal([0, 0.5, 1, 0], closure);
    }

    [Fact]
    public void RelativeClosure_ConjugateBlinkOrMissingFrame_IsNaN()
    {
        double[] affected = [1, double.NaN];
        double[] unaffected = [1, 10];

        var closure = FissureAsymmetry.RelativeClosure(affected, unaffected, minimumOpening: 2);

        Assert.All(closure, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void RelativeClosure_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => FissureAsymmetry.RelativeClosure([1, 2], [1], 0.5));
    }

    [Fact]
    public void Coverage_LeavesOutUnmeasurableFrames()
    {
        double[] closure = [0, 0.6, double.NaN, 0.9, 0.1];

        var coverage = FissureAsymmetry.Coverage(closure, threshold: 0.5);

        Assert.Equal(0.5, coverage);
    }

    [Fact]
    public void Coverage_NoMeasurableFrames_IsNaN()
    {
        Assert.True(double.IsNaN(FissureAsymmetry.Coverage([double.NaN], 0.5)));
    }
}
