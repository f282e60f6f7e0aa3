using SpasmCare.Clinical;
using SpasmCare.Clinical.Scales;

namespace SpasmCare.Tests.Clinical.Scales;

public sealed class ScaleScorerTests
{
    [Fact]
    public void Score_Jrs_TotalIsSeverityPlusFrequency()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Jrs, new JankovicRatingScale(3, 2).ToAnswers());

        Assert.Equal(ScoreStatus.Complete, result.Status);
        Assert.Equal(5m, result.Total);
        Assert.Equal("JRS", result.InstrumentCode);
        Assert.Equal(InstrumentCatalogue.BuiltInVersion, result.InstrumentVersion);
    }

    [Fact]
    public void Score_Hfs7AllAnswered_SumOfItems()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs7, ScaleAnswers.Values(0, 1, 2, 3, 4, 2, 1));

        Assert.Equal(ScoreStatus.Complete, result.Status);
        Assert.Equal(13m, result.Total);
        Assert.Empty(result.MissingItems);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Score_Hfs7AllMaximum_28()
    {
        Assert.Equal(28m, ScaleScorer.Score(InstrumentCatalogue.Hfs7, ScaleAnswers.Uniform(7, 4)).Total);
    }

    [Fact]
    public void Score_Hfs7OneItemMissing_IncompleteWithoutTotal()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs7, ScaleAnswers.Parse("Q1=1 Q2=1 Q3=1 Q4=1 Q5=1 Q6=1"));

        Assert.Equal(ScoreStatus.Incomplete, result.Status);
        Assert.Null(result.Total);
        Assert.False(result.HasTotal);
        Assert.Equal(["Q7"], result.MissingItems);
    }

    [Fact]
    public void Score_Hfs7ExplicitMissingAnswer_CountsAsMissing()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs7, ScaleAnswers.Parse("Q1=1 Q2=1 Q3= Q4=1 Q5=1 Q6=1 Q7=1"));

        Assert.Equal(ScoreStatus.Incomplete, result.Status);
        Assert.Equal(["Q3"], result.MissingItems);
    }

    [Fact]
    public void Score_Hfs30AllAnswered_RawSum0To120()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs30, ScaleAnswers.Uniform(30, 2));

        Assert.Equal(ScoreStatus.Complete, result.Status);
        Assert.Equal(60m, result.Total);
    }

    [Fact]
    public void Score_Hfs30_SubscalesWithoutAssignedItemsHaveNoScore()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs30, ScaleAnswers.Uniform(30, 2));

        Assert.Equal(7, result.Subscales.Count);
        Assert.All(result.Subscales, s => Assert.Null(s.Score));
        Assert.All(result.Subscales, s => Assert.Equal(0, s.ItemCount));
    }

    [Fact]
    public void Score_Hfs30TwentyNineAnswered_Incomplete()
    {
        var answers = ScaleAnswers.Values(Enumerable.Repeat(3, 29).ToArray());

        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs30, answers);

        Assert.Equal(ScoreStatus.Incomplete, result.Status);
        Assert.Equal(["Q30"], result.MissingItems);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Score_ValueOutOfRange_InvalidWithClearError(int value)
    {
        var answers = ScaleAnswers.Values(1, 1, value, 1, 1, 1, 1);

        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs7, answers);

        Assert.Equal(ScoreStatus.Invalid, result.Status);
        Assert.Null(result.Total);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Q3", error.Field);
        Assert.Equal($"HFS-7 item 3: {value} is outside the allowed range 0–4.", error.Message);
    }

    [Fact]
    public void Score_NotApplicableOnSumInstrument_Invalid()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Hfs7, ScaleAnswers.Parse("Q1=NA Q2=1 Q3=1 Q4=1 Q5=1 Q6=1 Q7=1"));

        Assert.Equal(ScoreStatus.Invalid, result.Status);
        Assert.Contains("not applicable", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_UnknownItemCode_Invalid()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Jrs, ScaleAnswers.Parse("SEVERITY=1 FREQUENCY=1 EXTRA=2"));

        Assert.Equal(ScoreStatus.Invalid, result.Status);
        Assert.Equal("EXTRA", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Score_BsdiAllApplicable_MeanOfItems()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Bsdi, ScaleAnswers.Values(1, 2, 3, 4, 0, 2));

        Assert.Equal(ScoreStatus.Complete, result.Status);
        Assert.Equal(2m, result.Total);
    }

    [Fact]
    public void Score_BsdiSomeNotApplicable_MeanOfApplicableOnly()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Bsdi, ScaleAnswers.Parse("Q1=NA Q2=3 Q3=2 Q4=NA Q5=4 Q6=NA"));

        Assert.Equal(ScoreStatus.Complete, result.Status);
        Assert.Equal(3m, result.Total);
        Assert.Equal(["Q1", "Q4", "Q6"], result.NotApplicableItems);
    }

    [Fact]
    public void Score_BsdiMeanNotWhole_KeptExact()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Bsdi, ScaleAnswers.Values(3, 2, 2, 2, 2, 2));

        Assert.Equal(13m / 6, result.Total);
    }

    [Fact]
    public void Score_BsdiAllNotApplicable_NoScore()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Bsdi, ScaleAnswers.Parse("Q1=NA Q2=NA Q3=NA Q4=NA Q5=NA Q6=NA"));

        Assert.Equal(ScoreStatus.NoApplicableItems, result.Status);
        Assert.Null(result.Total);
    }

    [Fact]
    public void Score_BsdiItemUnanswered_IncompleteNotTreatedAsNotApplicable()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Bsdi, ScaleAnswers.Parse("Q1=2 Q2=2 Q3=2 Q4=2 Q5=2"));

        Assert.Equal(ScoreStatus.Incomplete, result.Status);
        Assert.Null(result.Total);
        Assert.Equal(["Q6"], result.MissingItems);
    }

    [Theory]
    [InlineData("SMC", 3, 3)]
    [InlineData("COHEN", 0, 0)]
    public void Score_Grade_TotalIsTheGrade(string code, int grade, int total)
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Find(code)!, ScaleAnswers.Parse($"GRADE={grade}"));

        Assert.Equal(ScoreStatus.Complete, result.Status);
        Assert.Equal(total, result.Total);
    }

    [Fact]
    public void Score_SmcGradeZero_InvalidBecauseSmcStartsAtI()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Smc, ScaleAnswers.Parse("GRADE=0"));

        Assert.Equal(ScoreStatus.Invalid, result.Status);
    }

    [Fact]
    public void Score_GradeMissing_Incomplete()
    {
        var result = ScaleScorer.Score(InstrumentCatalogue.Cohen, ScaleAnswers.Parse(""));

        Assert.Equal(ScoreStatus.Incomplete, result.Status);
        Assert.Null(result.Total);
    }

    [Fact]
    public void Score_DefinitionAllowingOneMissing_ProratesSum()
    {
        var result = ScaleScorer.Score(ProratingDefinition, ScaleAnswers.Parse("Q1=1 Q2=2 Q3=3"));

        Assert.Equal(ScoreStatus.Prorated, result.Status);
        Assert.Equal(8m, result.Total);
        Assert.Equal(["Q4"], result.MissingItems);
    }

    [Fact]
    public void Score_DefinitionAllowingOneMissing_TwoMissingIsIncomplete()
    {
        var result = ScaleScorer.Score(ProratingDefinition, ScaleAnswers.Parse("Q1=1 Q2=2"));

        Assert.Equal(ScoreStatus.Incomplete, result.Status);
    }

    [Fact]
    public void Score_SubscaleFullyAnswered_ScoredEvenWhenTotalIncomplete()
    {
        var result = ScaleScorer.Score(ProratingDefinition, ScaleAnswers.Parse("Q1=1 Q2=2"));

        Assert.Equal(3m, result.Subscales.Single(s => s.Code == "A").Score);
        Assert.Null(result.Subscales.Single(s => s.Code == "B").Score);
        Assert.Equal(0, result.Subscales.Single(s => s.Code == "B").AnsweredCount);
    }

    [Fact]
    public void Score_MeanSubscaleWithNotApplicable_MeanOfApplicable()
    {
        var definition = InstrumentCatalogue.Bsdi with
        {
            Subscales = [new("X", "First three")],
            Items = InstrumentCatalogue.Bsdi.Items.Select((i, n) => n < 3 ? i with { Subscale = "X" } : i).ToList(),
        };

        var result = ScaleScorer.Score(definition, ScaleAnswers.Parse("Q1=NA Q2=1 Q3=4 Q4=0 Q5=0 Q6=0"));

        Assert.Equal(2.5m, Assert.Single(result.Subscales).Score);
    }

    private static InstrumentDefinition ProratingDefinition { get; } = new()
    {
        Code = "TEST4",
        Version = "t",
        Name = "Test",
        Method = ScoringMethod.Sum,
        Items =
        [
            new() { Code = "Q1", Label = "Item 1", Min = 0, Max = 4, Subscale = "A" },
            new() { Code = "Q2", Label = "Item 2", Min = 0, Max = 4, Subscale = "A" },
            new() { Code = "Q3", Label = "Item 3", Min = 0, Max = 4, Subscale = "B" },
            new() { Code = "Q4", Label = "Item 4", Min = 0, Max = 4, Subscale = "B" },
        ],
        Subscales = [new("A", "First"), new("B", "Second")],
        TotalMin = 0,
        TotalMax = 16,
        Direction = ScoreDirection.HigherIsWorse,
        MaxMissingItems = 1,
    };
}
