using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>Primary and possible secondary non-response (DOMAIN §3.9) and their thresholds.</summary>
public sealed class NonResponseTests
{
    private static readonly DateOnly Start = new(2023, 1, 9);

    /// <summary>A full session <paramref name="index"/> × 13 weeks after <see cref="Start"/>.</summary>
    private static ToxinCycle Cycle(int index, decimal units, ToxinResponse? response = null, int? improvement = null, int? benefit = null, bool booster = false) =>
        new(Start.AddDays(index * 91), units, booster, response, improvement, benefit);

    private static ToxinCycle Good(int index, int benefit = 90, decimal units = 20m) =>
        Cycle(index, units, ToxinResponse.Good, benefit: benefit);

    private static NonResponseAssessment Evaluate(params ToxinCycle[] cycles) => NonResponse.Evaluate(cycles);

    [Fact]
    public void NoSessions_NoFlags()
    {
        var a = Evaluate();

        Assert.False(a.PrimaryNonResponse);
        Assert.Null(a.PrimaryReason);
        Assert.False(a.PossibleSecondaryNonResponse);
        Assert.Empty(a.Evidence);
        Assert.Empty(a.SuggestedSteps);
    }

    [Fact]
    public void SteadyGoodResponses_NoFlags()
    {
        var a = Evaluate(Good(0), Good(1), Good(2), Good(3, 85), Good(4, 95));

        Assert.False(a.PrimaryNonResponse);
        Assert.False(a.PossibleSecondaryNonResponse);
        Assert.Empty(a.Evidence);
    }

    [Fact]
    public void Primary_AdequatelyDosedFirstSessionWithoutBenefit_Flagged()
    {
        var a = Evaluate(Cycle(0, 20m, ToxinResponse.None));

        Assert.True(a.PrimaryNonResponse);
        Assert.Equal("No meaningful benefit from the adequately dosed session of 9 Jan 2023 (20 U, at least 10 U), and no session has helped so far.", a.PrimaryReason);
        Assert.Equal([a.PrimaryReason!], a.Evidence);
        Assert.Contains(a.SuggestedSteps, s => s.Contains("Review the diagnosis", StringComparison.Ordinal));
        Assert.False(a.PossibleSecondaryNonResponse);
    }

    [Theory]
    [InlineData(10, true)]    // exactly the adequate dose counts
    [InlineData(9.5, false)]
    public void Primary_AdequateDoseEdge(double units, bool flagged)
    {
        Assert.Equal(flagged, Evaluate(Cycle(0, (decimal)units, ToxinResponse.None)).PrimaryNonResponse);
    }

    [Fact]
    public void Primary_UnderdosedFirstThenAdequateSecondWithoutBenefit_NamesTheSecond()
    {
        var a = Evaluate(Cycle(0, 6m, ToxinResponse.None), Cycle(1, 20m, ToxinResponse.None));

        Assert.True(a.PrimaryNonResponse);
        Assert.StartsWith("No meaningful benefit from the adequately dosed session of 10 Apr 2023 (20 U", a.PrimaryReason);
        Assert.EndsWith("2 sessions had no meaningful benefit in all.", a.PrimaryReason);
    }

    [Theory]
    [InlineData(ToxinResponse.Partial)]
    [InlineData(ToxinResponse.Good)]
    [InlineData(ToxinResponse.Excellent)]
    public void Primary_AnySessionWithBenefit_NotFlagged(ToxinResponse response)
    {
        Assert.False(Evaluate(Cycle(0, 20m, ToxinResponse.None), Cycle(1, 20m, response)).PrimaryNonResponse);
    }

    [Theory]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void Primary_UngradedImprovement_MeaningfulFrom25Percent(int improvement, bool flagged)
    {
        Assert.Equal(flagged, Evaluate(Cycle(0, 20m, improvement: improvement)).PrimaryNonResponse);
    }

    [Fact]
    public void Primary_GradeTakesPrecedenceOverPercentage()
    {
        Assert.False(Evaluate(Cycle(0, 20m, ToxinResponse.Partial, improvement: 10)).PrimaryNonResponse);
    }

    [Fact]
    public void Primary_NotYetReviewed_NotFlagged()
    {
        Assert.False(Evaluate(Cycle(0, 20m), Cycle(1, 20m, benefit: 30)).PrimaryNonResponse);
    }

    [Fact]
    public void Primary_BoosterWithoutBenefit_Excluded()
    {
        Assert.False(Evaluate(Cycle(0, 20m, ToxinResponse.None, booster: true)).PrimaryNonResponse);
        Assert.False(Evaluate(Good(0), Cycle(1, 20m, ToxinResponse.None, booster: true)).PrimaryNonResponse);
    }

    [Fact]
    public void Secondary_ExactlyTwoConsecutiveShorterSessionsAtTheSameDose_Flagged()
    {
        var a = Evaluate(Good(0), Good(1), Good(2), Good(3, 60), Good(4, 55));

        Assert.True(a.PossibleSecondaryNonResponse);
        Assert.False(a.PrimaryNonResponse);
        Assert.Equal(
            [
                "Baseline: 3 sessions with a good response from 9 Jan 2023 (lowest dose 20 U, median benefit 90 days).",
                "9 Oct 2023 at 20 U: benefit 60 days, shorter than the baseline 90 days.",
                "8 Jan 2024 at 20 U: benefit 55 days, shorter than the baseline 90 days.",
            ],
            a.Evidence);
        Assert.Contains(a.SuggestedSteps, s => s.Contains("frontalis (unilateral brow) test", StringComparison.Ordinal));
    }

    [Fact]
    public void Secondary_OneShorterSession_NotFlagged()
    {
        var a = Evaluate(Good(0), Good(1), Good(2), Good(3, 60));

        Assert.False(a.PossibleSecondaryNonResponse);
        Assert.Empty(a.Evidence);
        Assert.Empty(a.SuggestedSteps);
    }

    [Theory]
    [InlineData(75, true)]    // 75 ≤ 0.75 × 100
    [InlineData(76, false)]
    public void Secondary_ShorterMeansAtMostThreeQuartersOfBaseline(int benefit, bool flagged)
    {
        var a = Evaluate(Good(0, 100), Good(1, benefit), Good(2, benefit));

        Assert.Equal(flagged, a.PossibleSecondaryNonResponse);
    }

    [Fact]
    public void Secondary_BaselineIsTheMedianOfUpToThreeGoodSessions()
    {
        // Baseline 80, 90, 120 → 90; shorter means ≤ 67.5 days. The fourth good session is not baseline.
        Assert.True(Evaluate(Good(0, 80), Good(1, 120), Good(2, 90), Good(3, 67), Good(4, 67)).PossibleSecondaryNonResponse);
        Assert.False(Evaluate(Good(0, 80), Good(1, 120), Good(2, 90), Good(3, 68), Good(4, 67)).PossibleSecondaryNonResponse);
    }

    [Fact]
    public void Secondary_EqualDoseCounts_LowerDoseDoesNot()
    {
        var equal = Evaluate(Good(0, units: 20m), Good(1, 60, 20m), Good(2, 60, 20m));
        var lower = Evaluate(Good(0, units: 20m), Good(1, 60, 15m), Good(2, 60, 20m));
        var higher = Evaluate(Good(0, units: 20m), Good(1, 60, 25m), Good(2, 60, 30m));

        Assert.True(equal.PossibleSecondaryNonResponse);
        Assert.False(lower.PossibleSecondaryNonResponse);
        Assert.True(higher.PossibleSecondaryNonResponse);
    }

    [Fact]
    public void Secondary_BaselineDoseIsTheLowestThatGaveAGoodResponse()
    {
        var a = Evaluate(Good(0, units: 25m), Good(1, units: 20m), Good(2, 60, 20m), Good(3, 60, 20m));

        Assert.True(a.PossibleSecondaryNonResponse);
        Assert.Contains("lowest dose 20 U", a.Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Secondary_LowerPeakTwice_Flagged()
    {
        var a = Evaluate(Good(0), Cycle(1, 20m, ToxinResponse.Partial), Cycle(2, 20m, ToxinResponse.None, benefit: 90));

        Assert.True(a.PossibleSecondaryNonResponse);
        Assert.Equal("10 Apr 2023 at 20 U: response partial, below the good baseline response.", a.Evidence[1]);
        Assert.Equal("10 Jul 2023 at 20 U: response none, below the good baseline response.", a.Evidence[2]);
    }

    [Theory]
    [InlineData(55, true)]    // 80 − 25
    [InlineData(56, false)]
    public void Secondary_UngradedImprovement_LowerWhen25PointsBelowBaseline(int later, bool flagged)
    {
        var a = Evaluate(Cycle(0, 20m, improvement: 80), Cycle(1, 20m, improvement: later), Cycle(2, 20m, improvement: later));

        Assert.Equal(flagged, a.PossibleSecondaryNonResponse);
    }

    [Fact]
    public void Secondary_BoostersExcluded_NeitherBreakNorCount()
    {
        var booster = Cycle(3, 5m, ToxinResponse.None, benefit: 20, booster: true) with { Date = Start.AddDays(3 * 91 + 21) };

        var between = Evaluate(Good(0), Good(1), Good(2), Good(3, 60), booster, Good(4, 60));
        var onlyBooster = Evaluate(Good(0), Good(1), Good(2), Good(3, 60), booster);

        Assert.True(between.PossibleSecondaryNonResponse);
        Assert.DoesNotContain(between.Evidence, e => e.Contains("5 U", StringComparison.Ordinal));
        Assert.False(onlyBooster.PossibleSecondaryNonResponse);
    }

    [Fact]
    public void Secondary_BackToBaselineAfterwards_NotFlagged()
    {
        Assert.False(Evaluate(Good(0), Good(1, 60), Good(2, 60), Good(3, 95)).PossibleSecondaryNonResponse);
    }

    [Fact]
    public void Secondary_LatestSessionNotYetReviewed_StillFlagged()
    {
        Assert.True(Evaluate(Good(0), Good(1, 60), Good(2, 60), Cycle(3, 20m)).PossibleSecondaryNonResponse);
    }

    [Fact]
    public void Secondary_NoGoodResponseEver_NoBaseline_NotFlagged()
    {
        var a = Evaluate(Cycle(0, 20m, ToxinResponse.Partial, benefit: 90), Cycle(1, 20m, ToxinResponse.Partial, benefit: 40), Cycle(2, 20m, ToxinResponse.Partial, benefit: 40));

        Assert.False(a.PossibleSecondaryNonResponse);
        Assert.False(a.PrimaryNonResponse);
    }

    [Fact]
    public void Secondary_SessionsGivenOutOfOrder_SortedByDate()
    {
        Assert.True(NonResponse.Evaluate([Good(2, 60), Good(0), Good(1, 60)]).PossibleSecondaryNonResponse);
    }

    [Fact]
    public void InvalidOutcomeValues_TreatedAsNotRecorded()
    {
        var a = Evaluate(Cycle(0, 20m, improvement: 150), Cycle(1, 20m, improvement: -5, benefit: 0));

        Assert.False(a.PrimaryNonResponse);
        Assert.False(a.PossibleSecondaryNonResponse);
    }

    [Fact]
    public void NullList_NoCrash()
    {
        Assert.False(NonResponse.Evaluate(null!).PrimaryNonResponse);
    }
}
