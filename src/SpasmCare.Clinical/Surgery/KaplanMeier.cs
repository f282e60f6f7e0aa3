namespace SpasmCare.Clinical.Surgery;

/// <summary>One subject: the time followed (any unit, e.g. days) and whether it ended in the event (else censored).</summary>
public sealed record SurvivalObservation(double Time, bool Event);

/// <summary>
/// The estimate at one distinct time at which something happened (an event, a censoring, or both).
/// <see cref="Survival"/> is S(t) just after <see cref="Time"/>; the interval is the log-log 95 % interval, null
/// where it is undefined (before the first event, and at S = 0).
/// </summary>
public sealed record SurvivalStep(
    double Time, int AtRisk, int Events, int Censored, double Survival, double StandardError, double? Lower, double? Upper);

/// <summary>The whole curve: one step per distinct time, in time order.</summary>
public sealed record SurvivalCurve(IReadOnlyList<SurvivalStep> Steps, int Subjects, int Events)
{
    /// <summary>S(t): 1 before the first step, else the survival of the last step at or before t.</summary>
    public double At(double time) => Steps.LastOrDefault(s => s.Time <= time)?.Survival ?? 1.0;

    /// <summary>The median survival time: the first time S(t) ≤ 0.5; null when the curve never gets there.</summary>
    public double? Median => Steps.FirstOrDefault(s => s.Survival <= 0.5)?.Time;
}

/// <summary>
/// The Kaplan–Meier product-limit estimator. At each distinct time t with d events, c censorings and n at risk
/// (everyone whose time is ≥ t): S(t) = S(t⁻) × (1 − d/n). Censorings at the same time as events are taken to happen
/// just after them (they are still at risk at t), the usual convention.
/// Greenwood: Var S(t) = S(t)² Σ d/(n(n − d)) over event times ≤ t; SE = √Var.
/// Log-log 95 % interval (Kalbfleisch–Prentice): with v = Σ d/(n(n − d)) and θ = ln(−ln S),
/// se(θ) = √v / |ln S|, interval S^exp(±1.96 se(θ)) — it stays inside 0–1.
/// </summary>
public static class KaplanMeier
{
    public const double Z95 = 1.959963984540054;

    public static SurvivalCurve Estimate(IEnumerable<SurvivalObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var all = observations.ToList();
        if (all.Any(o => double.IsNaN(o.Time) || o.Time < 0))
        {
            throw new ArgumentException("Times must be zero or more.", nameof(observations));
        }

        var steps = new List<SurvivalStep>();
        var atRisk = all.Count;
        var survival = 1.0;
        var greenwood = 0.0;
        var anyEvent = false;
        foreach (var group in all.GroupBy(o => o.Time).OrderBy(g => g.Key))
        {
            var events = group.Count(o => o.Event);
            var censored = group.Count() - events;
            if (events > 0)
            {
                anyEvent = true;
                survival *= 1.0 - (double)events / atRisk;
                greenwood = events == atRisk ? double.PositiveInfinity : greenwood + (double)events / (atRisk * (double)(atRisk - events));
            }

            double se;
            double? lower = null, upper = null;
            if (survival <= 0)
            {
                se = 0;
                survival = 0;
            }
            else
            {
                se = survival * Math.Sqrt(greenwood);
                if (anyEvent && survival < 1)
                {
                    var seTheta = Math.Sqrt(greenwood) / Math.Abs(Math.Log(survival));
                    lower = Math.Pow(survival, Math.Exp(Z95 * seTheta));
                    upper = Math.Pow(survival, Math.Exp(-Z95 * seTheta));
                }
            }

            steps.Add(new SurvivalStep(group.Key, atRisk, events, censored, survival, se, lower, upper));
            atRisk -= events + censored;
        }

        return new SurvivalCurve(steps, all.Count, all.Count(o => o.Event));
    }
}
