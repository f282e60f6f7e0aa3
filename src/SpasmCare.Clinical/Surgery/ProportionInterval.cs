namespace SpasmCare.Clinical.Surgery;

public enum IntervalMethod
{
    Wilson = 0,
    ClopperPearson = 1,
}

/// <summary>A proportion k/n with its 95 % confidence interval (fractions 0–1).</summary>
public sealed record Proportion(int Successes, int Total, double Estimate, double Lower, double Upper, IntervalMethod Method)
{
    public string MethodText => Method == IntervalMethod.Wilson ? "Wilson score" : "exact (Clopper–Pearson)";
}

/// <summary>
/// 95 % confidence intervals for a proportion. <see cref="Wilson"/> is the score interval; <see cref="Exact"/> is the
/// Clopper–Pearson interval, found by bisection on the binomial distribution function: the lower bound is the p with
/// P(X ≥ k | p) = 0.025 (0 when k = 0), the upper bound the p with P(X ≤ k | p) = 0.025 (1 when k = n).
/// <see cref="For"/> uses the exact interval when n &lt; 30 and Wilson otherwise.
/// </summary>
public static class ProportionInterval
{
    public const int ExactBelow = 30;
    private const double Alpha = 0.05;

    public static Proportion For(int successes, int total) =>
        total < ExactBelow ? Exact(successes, total) : Wilson(successes, total);

    public static Proportion Wilson(int successes, int total)
    {
        Check(successes, total);
        var z = KaplanMeier.Z95;
        double n = total, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Proportion(successes, total, p,
            successes == 0 ? 0 : Math.Max(0, centre - half),
            successes == total ? 1 : Math.Min(1, centre + half), IntervalMethod.Wilson);
    }

    public static Proportion Exact(int successes, int total)
    {
        Check(successes, total);
        var lower = successes == 0 ? 0 : Bisect(p => 1 - Cdf(successes - 1, total, p) - Alpha / 2, increasing: true);
        var upper = successes == total ? 1 : Bisect(p => Cdf(successes, total, p) - Alpha / 2, increasing: false);
        return new Proportion(successes, total, (double)successes / total, lower, upper, IntervalMethod.ClopperPearson);
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n does not underflow.</summary>
    public static double Cdf(int k, int n, double p)
    {
        if (k < 0)
        {
            return 0;
        }

        if (k >= n || p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return 0;
        }

        double logP = Math.Log(p), logQ = Math.Log(1 - p), logChoose = 0, sum = 0;
        for (var i = 0; i <= k; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            sum += Math.Exp(logChoose + i * logP + (n - i) * logQ);
        }

        return Math.Min(1, sum);
    }

    /// <summary>The root in (0, 1) of a function that is monotone in p.</summary>
    private static double Bisect(Func<double, double> f, bool increasing)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            var below = increasing ? f(mid) < 0 : f(mid) > 0;
            if (below)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    private static void Check(int successes, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, total);
    }
}
