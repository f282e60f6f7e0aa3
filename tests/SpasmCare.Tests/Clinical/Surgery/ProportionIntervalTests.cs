using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class ProportionIntervalTests
{
    /// <summary>
    /// Wilson score intervals (Newcombe 1998 table; e.g. 0/10: 0–0.2775, 1/10: 0.0179–0.4042, 5/10: 0.2366–0.7634).
    /// By hand for 1/10: p = 0.1, z² = 3.8415; centre = (0.1 + 0.19207)/(1.38415) = 0.21101;
    /// half = 1.96/1.38415 · √(0.009 + 0.0096037) = 1.41599 · 0.13640 = 0.19314 → 0.0179–0.4042.
    /// </summary>
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(1, 10, 0.0179, 0.4042)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(91, 100, 0.8377, 0.9519)]
    public void Wilson_KnownValues(int k, int n, double lower, double upper)
    {
        var p = ProportionInterval.Wilson(k, n);

        Assert.Equal(lower, p.Lower, 4);
        Assert.Equal(upper, p.Upper, 4);
        Assert.Equal((double)k / n, p.Estimate, 10);
        Assert.Equal(IntervalMethod.Wilson, p.Method);
    }

    /// <summary>
    /// Clopper–Pearson exact intervals. 0/10: upper = 1 − 0.025^(1/10) = 0.3085 (closed form); 10/10: lower = 0.025^(1/10)
    /// = 0.6915. 1/10: 0.0025–0.4450; 5/10: 0.1871–0.8129; 91/100: 0.8360–0.9580 (standard tables).
    /// </summary>
    [Theory]
    [InlineData(0, 10, 0.0, 0.3085)]
    [InlineData(1, 10, 0.0025, 0.4450)]
    [InlineData(5, 10, 0.1871, 0.8129)]
    [InlineData(10, 10, 0.6915, 1.0)]
    [InlineData(91, 100, 0.8360, 0.9580)]
    [InlineData(3, 7, 0.0990, 0.8159)]
    public void Exact_KnownValues(int k, int n, double lower, double upper)
    {
        var p = ProportionInterval.Exact(k, n);

        Assert.Equal(lower, p.Lower, 4);
        Assert.Equal(upper, p.Upper, 4);
        Assert.Equal(IntervalMethod.ClopperPearson, p.Method);
    }

    [Fact]
    public void Exact_ZeroOfTen_MatchesTheClosedForm()
    {
        Assert.Equal(1 - Math.Pow(0.025, 0.1), ProportionInterval.Exact(0, 10).Upper, 9);
        Assert.Equal(Math.Pow(0.025, 0.1), ProportionInterval.Exact(10, 10).Lower, 9);
    }

    [Fact]
    public void Exact_LargeN_DoesNotUnderflow()
    {
        var p = ProportionInterval.Exact(900, 1000);

        Assert.InRange(p.Lower, 0.879, 0.882);
        Assert.InRange(p.Upper, 0.917, 0.920);
    }

    [Theory]
    [InlineData(29, IntervalMethod.ClopperPearson)]
    [InlineData(30, IntervalMethod.Wilson)]
    public void For_ChoosesExactBelow30(int n, IntervalMethod method)
    {
        Assert.Equal(method, ProportionInterval.For(n / 2, n).Method);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    public void Wilson_ImpossibleCounts_Throw(int k, int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(k, n));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Exact(k, n));
    }

    [Theory]
    [InlineData(2, 10, 0.5, 0.9453125)] // 1/1024 · (1 + 10 + 45) = 56/1024 … complement: P(X ≤ 2 | 0.5) = 0.0546875
    public void Cdf_HandWorked(int k, int n, double p, double complement)
    {
        Assert.Equal(1 - complement, ProportionInterval.Cdf(k, n, p), 12);
    }
}
