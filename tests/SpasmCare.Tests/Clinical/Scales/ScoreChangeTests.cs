using SpasmCare.Clinical.Scales;

namespace SpasmCare.Tests.Clinical.Scales;

public sealed class ScoreChangeTests
{
    private static ScaleResult Hfs7(params int[] items) => ScaleScorer.Score(InstrumentCatalogue.Hfs7, ScaleAnswers.Values(items));

    /// <summary>HFS-30 with <paramref name="ones"/> items at 1 and the rest at 2: total 60 − ones.</summary>
    private static ScaleResult Hfs30(int ones) =>
        ScaleScorer.Score(InstrumentCatalogue.Hfs30, ScaleAnswers.Values(Enumerable.Repeat(1, ones).Concat(Enumerable.Repeat(2, 30 - ones)).ToArray()));

    private static ScaleResult Bsdi(string answers) => ScaleScorer.Score(InstrumentCatalogue.Bsdi, ScaleAnswers.Parse(answers));

    private static ScaleResult Jrs(int severity, int frequency) =>
        ScaleScorer.Score(InstrumentCatalogue.Jrs, new SpasmCare.Clinical.JankovicRatingScale(severity, frequency).ToAnswers());

    [Fact]
    public void Between_Hfs7DropOf3_ImportantImprovement()
    {
        var change = ScoreChange.Between(InstrumentCatalogue.Hfs7, Hfs7(2, 2, 2, 2, 2, 2, 2), Hfs7(2, 2, 2, 2, 1, 1, 1));

        Assert.Equal(ChangeVerdict.ImportantImprovement, change.Verdict);
        Assert.Equal(-3m, change.Difference);
        Assert.Equal(3m, change.Improvement);
        Assert.True(change.MeetsImportantImprovement);
        Assert.Equal(-2.63m, change.MinimalImportantChange);
    }

    [Fact]
    public void Between_Hfs7DropOf2_BelowMic()
    {
        var change = ScoreChange.Between(InstrumentCatalogue.Hfs7, Hfs7(2, 2, 2, 2, 2, 2, 2), Hfs7(2, 2, 2, 2, 2, 1, 1));

        Assert.Equal(ChangeVerdict.BelowMinimalImportantChange, change.Verdict);
        Assert.False(change.MeetsImportantImprovement);
    }

    [Fact]
    public void Between_Hfs7RiseOf3_ImportantWorsening()
    {
        var change = ScoreChange.Between(InstrumentCatalogue.Hfs7, Hfs7(1, 1, 1, 1, 1, 1, 1), Hfs7(2, 2, 2, 1, 1, 1, 1));

        Assert.Equal(ChangeVerdict.ImportantWorsening, change.Verdict);
        Assert.Equal(3m, change.Difference);
        Assert.Equal(-3m, change.Improvement);
    }

    [Theory]
    [InlineData(4, ChangeVerdict.BelowMinimalImportantChange)]
    [InlineData(5, ChangeVerdict.ImportantImprovement)]
    public void Between_Hfs30_MicOf4Point46OnRawTotal(int pointsLower, ChangeVerdict verdict)
    {
        var change = ScoreChange.Between(InstrumentCatalogue.Hfs30, Hfs30(0), Hfs30(pointsLower));

        Assert.Equal(verdict, change.Verdict);
        Assert.Equal(-pointsLower, change.Difference);
    }

    [Fact]
    public void Between_BsdiDropOfExactly0Point7_MeetsMic()
    {
        var change = ScoreChange.Between(InstrumentCatalogue.Bsdi, Bsdi("Q1=3 Q2=2 Q3=2 Q4=2 Q5=2 Q6=NA"), Bsdi("Q1=2 Q2=2 Q3=2 Q4=1 Q5=1 Q6=1"));

        Assert.Equal(-0.7m, change.Difference);
        Assert.Equal(ChangeVerdict.ImportantImprovement, change.Verdict);
    }

    [Fact]
    public void Between_BsdiDropOfTwoThirds_BelowMic()
    {
        var change = ScoreChange.Between(InstrumentCatalogue.Bsdi, Bsdi("Q1=2 Q2=2 Q3=2 Q4=2 Q5=2 Q6=2"), Bsdi("Q1=2 Q2=1 Q3=1 Q4=NA Q5=NA Q6=NA"));

        Assert.Equal(ChangeVerdict.BelowMinimalImportantChange, change.Verdict);
    }

    [Theory]
    [InlineData(3, 3, 2, 2, ChangeVerdict.ImportantImprovement)]
    [InlineData(3, 3, 3, 2, ChangeVerdict.BelowMinimalImportantChange)]
    [InlineData(1, 1, 2, 2, ChangeVerdict.ImportantWorsening)]
    [InlineData(2, 2, 2, 2, ChangeVerdict.BelowMinimalImportantChange)]
    public void Between_Jrs_TwoPointsIsImportant(int s0, int f0, int s1, int f1, ChangeVerdict verdict)
    {
        Assert.Equal(verdict, ScoreChange.Between(InstrumentCatalogue.Jrs, Jrs(s0, f0), Jrs(s1, f1)).Verdict);
    }

    [Fact]
    public void Between_SmcGrades_DifferenceWithoutVerdict()
    {
        var before = ScaleScorer.Score(InstrumentCatalogue.Smc, ScaleAnswers.Parse("GRADE=3"));
        var after = ScaleScorer.Score(InstrumentCatalogue.Smc, ScaleAnswers.Parse("GRADE=1"));

        var change = ScoreChange.Between(InstrumentCatalogue.Smc, before, after);

        Assert.Equal(ChangeVerdict.NoMinimalImportantChange, change.Verdict);
        Assert.Equal(-2m, change.Difference);
        Assert.Equal(2m, change.Improvement);
    }

    [Fact]
    public void Between_HigherIsBetterInstrument_RiseIsImprovement()
    {
        var definition = InstrumentCatalogue.Jrs with { Code = "UP", Direction = ScoreDirection.HigherIsBetter };
        var before = ScaleScorer.Score(definition, ScaleAnswers.Parse("SEVERITY=1 FREQUENCY=1"));
        var after = ScaleScorer.Score(definition, ScaleAnswers.Parse("SEVERITY=2 FREQUENCY=2"));

        var change = ScoreChange.Between(definition, before, after);

        Assert.Equal(ChangeVerdict.ImportantImprovement, change.Verdict);
        Assert.Equal(2m, change.Improvement);
    }

    [Fact]
    public void Between_IncompleteResult_NotComparable()
    {
        var incomplete = ScaleScorer.Score(InstrumentCatalogue.Hfs7, ScaleAnswers.Parse("Q1=1"));

        var change = ScoreChange.Between(InstrumentCatalogue.Hfs7, incomplete, Hfs7(1, 1, 1, 1, 1, 1, 1));

        Assert.Equal(ChangeVerdict.NotComparable, change.Verdict);
        Assert.Null(change.Difference);
        Assert.Equal("Both results need a total to be compared.", change.Reason);
    }

    [Fact]
    public void Between_DifferentInstruments_NotComparable()
    {
        var change = ScoreChange.Between(InstrumentCatalogue.Hfs7, Jrs(1, 1), Hfs7(1, 1, 1, 1, 1, 1, 1));

        Assert.Equal(ChangeVerdict.NotComparable, change.Verdict);
    }

    [Fact]
    public void Between_DifferentVersionsOfSameCode_ComparedAndFlagged()
    {
        var licensed = InstrumentCatalogue.Hfs7 with { Version = "licensed-1" };
        var after = ScaleScorer.Score(licensed, ScaleAnswers.Values(1, 1, 1, 1, 1, 1, 1));

        var change = ScoreChange.Between(licensed, Hfs7(2, 2, 2, 2, 2, 2, 2), after);

        Assert.Equal(ChangeVerdict.ImportantImprovement, change.Verdict);
        Assert.True(change.VersionsDiffer);
    }
}
