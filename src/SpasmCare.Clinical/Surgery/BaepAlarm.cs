namespace SpasmCare.Clinical.Surgery;

/// <summary>
/// The brainstem auditory evoked potential alarm criteria during MVD (DOMAIN §4.1, hearing-loss meta-analysis,
/// Br J Neurosurg 2022): wave V latency prolonged by 1 ms or more, or wave V amplitude down by 50 % or more, from
/// baseline. Either alone raises the alarm; a change just short of a threshold does not.
/// </summary>
public static class BaepAlarm
{
    public const decimal LatencyIncreaseMs = 1.0m;
    public const decimal AmplitudeDropPercent = -50m;

    /// <summary>The criteria met, in words; empty when none (or nothing was measured).</summary>
    public static IReadOnlyList<string> Evaluate(decimal? waveVLatencyChangeMs, decimal? waveVAmplitudeChangePercent)
    {
        var met = new List<string>();
        if (waveVLatencyChangeMs >= LatencyIncreaseMs)
        {
            met.Add($"wave V latency prolonged by {waveVLatencyChangeMs.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} ms (alarm at +1 ms)");
        }

        if (waveVAmplitudeChangePercent <= AmplitudeDropPercent)
        {
            met.Add($"wave V amplitude down {Math.Abs(waveVAmplitudeChangePercent.Value).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} % (alarm at −50 %)");
        }

        return met;
    }
}
