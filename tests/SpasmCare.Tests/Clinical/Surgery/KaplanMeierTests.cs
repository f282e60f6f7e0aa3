using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class KaplanMeierTests
{
    /// <summary>
    /// A small course worked by hand. Times 2, 3+, 3, 5, 5+, 8 (+ = censored), six subjects.
    /// t=2: n=6, d=1 → S = 5/6 = 0.833333; Greenwood sum = 1/(6·5) = 0.033333; SE = 0.833333·√0.033333 = 0.152145.
    /// t=3: n=5, d=1, c=1 (the censoring counts as at risk, after the event) → S = 0.833333·4/5 = 0.666667;
    ///      sum += 1/(5·4) = 0.05 → 0.083333; SE = 0.666667·√0.083333 = 0.192450.
    /// t=5: n=3, d=1, c=1 → S = 0.666667·2/3 = 0.444444; sum += 1/(3·2) → 0.25; SE = 0.444444·0.5 = 0.222222.
    /// t=8: n=1, d=1 → S = 0; SE 0; no interval.
    /// Log-log interval at t=2: θ-se = √0.033333 / |ln 0.833333| = 0.182574/0.182322 = 1.001385;
    ///      lower = 0.833333^exp(1.96·1.001385) = 0.833333^7.1079 = 0.2731; upper = 0.833333^exp(−1.962679) = 0.833333^0.14049 = 0.9747.
    /// Median: first S ≤ 0.5 is at t=5.
    /// </summary>
    [Fact]
    public void Estimate_SmallCourseWorkedByHand_MatchesTheHandFigures()
    {
        var curve = KaplanMeier.Estimate(
        [
            new(2, true), new(3, false), new(3, true), new(5, true), new(5, false), new(8, true),
        ]);

        Assert.Equal(6, curve.Subjects);
        Assert.Equal(4, curve.Events);
        Assert.Equal([2.0, 3, 5, 8], curve.Steps.Select(s => s.Time));
        Assert.Equal([6, 5, 3, 1], curve.Steps.Select(s => s.AtRisk));
        Assert.Equal([1, 1, 1, 1], curve.Steps.Select(s => s.Events));
        Assert.Equal([0, 1, 1, 0], curve.Steps.Select(s => s.Censored));
        Assert.Equal([0.833333, 0.666667, 0.444444, 0], curve.Steps.Select(s => Math.Round(s.Survival, 6)));
        Assert.Equal([0.152145, 0.192450, 0.222222, 0], curve.Steps.Select(s => Math.Round(s.StandardError, 6)));
        Assert.Equal(0.2731, curve.Steps[0].Lower!.Value, 4);
        Assert.Equal(0.9747, curve.Steps[0].Upper!.Value, 4);
        Assert.Null(curve.Steps[3].Lower);
        Assert.Equal(5, curve.Median);
        Assert.Equal(1.0, curve.At(1.9));
        Assert.Equal(0.666667, Math.Round(curve.At(4), 6));
    }

    /// <summary>
    /// The 6-mercaptopurine arm of Freireich 1963 (Gehan 1965), the textbook example (e.g. Kleinbaum &amp; Klein,
    /// Survival Analysis, ch. 2): weeks in remission 6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13, 16, 17+, 19+, 20+, 22, 23,
    /// 25+, 32+, 32+, 34+, 35+. By hand: S(6) = 18/21 = 0.8571; S(7) = 0.8571·16/17 = 0.8067;
    /// S(10) = 0.8067·14/15 = 0.7529; S(13) = 0.7529·11/12 = 0.6902; S(16) = 0.6902·10/11 = 0.6275;
    /// S(22) = 0.6275·6/7 = 0.5378; S(23) = 0.5378·5/6 = 0.4482. Greenwood SE at 6 = 0.8571·√(3/(21·18)) = 0.0764.
    /// Log-log intervals as R's survfit(conf.type = "log-log") gives them: 6: 0.620–0.952; 23: 0.188–0.680.
    /// </summary>
    [Fact]
    public void Estimate_SixMpTextbookExample_MatchesThePublishedTable()
    {
        double[] events = [6, 6, 6, 7, 10, 13, 16, 22, 23];
        double[] censored = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
        var curve = KaplanMeier.Estimate(
            events.Select(t => new SurvivalObservation(t, true)).Concat(censored.Select(t => new SurvivalObservation(t, false))));

        var withEvents = curve.Steps.Where(s => s.Events > 0).ToList();
        Assert.Equal([6.0, 7, 10, 13, 16, 22, 23], withEvents.Select(s => s.Time));
        Assert.Equal([21, 17, 15, 12, 11, 7, 6], withEvents.Select(s => s.AtRisk));
        Assert.Equal([0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482], withEvents.Select(s => Math.Round(s.Survival, 4)));
        Assert.Equal([0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346], withEvents.Select(s => Math.Round(s.StandardError, 4)));
        Assert.Equal([0.620, 0.563, 0.503, 0.432, 0.368, 0.268, 0.188], withEvents.Select(s => Math.Round(s.Lower!.Value, 3)));
        Assert.Equal([0.952, 0.923, 0.889, 0.849, 0.805, 0.747, 0.680], withEvents.Select(s => Math.Round(s.Upper!.Value, 3)));
        Assert.Equal(23, curve.Median);
        Assert.Equal(0.4482, Math.Round(curve.Steps[^1].Survival, 4));
        Assert.Equal(1, curve.Steps[^1].AtRisk);
    }

    [Fact]
    public void Estimate_OnlyCensored_StaysAtOneWithoutAnInterval()
    {
        var curve = KaplanMeier.Estimate([new(3, false), new(5, false)]);

        Assert.All(curve.Steps, s => Assert.Equal(1.0, s.Survival));
        Assert.All(curve.Steps, s => Assert.Null(s.Lower));
        Assert.Null(curve.Median);
        Assert.Equal(0, curve.Events);
    }

    [Fact]
    public void Estimate_Empty_HasNoSteps()
    {
        var curve = KaplanMeier.Estimate([]);

        Assert.Empty(curve.Steps);
        Assert.Equal(1.0, curve.At(10));
    }

    [Fact]
    public void Estimate_NegativeTime_Throws()
    {
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate([new(-1, true)]));
    }
}
