namespace SpasmCare.Motion;

/// <summary>
/// Side-to-side asymmetry of eye opening, frame by frame: how much narrower the affected eye's palpebral fissure is
/// than the unaffected one's. In HFS the spasm closes one eye while conjugate blinks close both, so the relative
/// difference separates spasm from blinking (see research/video-measurement.md).
/// </summary>
public static class FissureAsymmetry
{
    /// <summary>
    /// Relative closure of the affected side per frame: (unaffected − affected) / unaffected, clamped to 0..1.
    /// Frames where the unaffected eye is itself nearly closed (a conjugate blink, below
    /// <paramref name="minimumOpening"/>) or a value is missing (NaN) give NaN.
    /// </summary>
    public static double[] RelativeClosure(ReadOnlySpan<double> affected, ReadOnlySpan<double> unaffected, double minimumOpening)
    {
        if (affected.Length != unaffected.Length)
        {
            throw new ArgumentException("Both sides need the same number of frames.", nameof(unaffected));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumOpening);
        var result = new double[affected.Length];
        for (var i = 0; i < affected.Length; i++)
        {
            var a = affected[i];
            var u = unaffected[i];
            result[i] = double.IsNaN(a) || double.IsNaN(u) || u < minimumOpening
                ? double.NaN
                : Math.Clamp((u - a) / u, 0, 1);
        }

        return result;
    }

    /// <summary>Share of measurable frames whose relative closure reaches <paramref name="threshold"/>; NaN frames are left out.</summary>
    public static double Coverage(ReadOnlySpan<double> relativeClosure, double threshold)
    {
        var measured = 0;
        var above = 0;
        foreach (var value in relativeClosure)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            measured++;
            if (value >= threshold)
            {
                above++;
            }
        }

        return measured == 0 ? double.NaN : (double)above / measured;
    }
}
