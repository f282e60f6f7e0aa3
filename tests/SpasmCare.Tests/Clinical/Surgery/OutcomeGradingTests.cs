using SpasmCare.Clinical.Surgery;
using static SpasmCare.Tests.Clinical.Surgery.CourseBuilder;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class OutcomeGradingTests
{
    [Theory]
    [InlineData(SpasmState.Gone, OutcomeGrade.Excellent)]
    [InlineData(SpasmState.NinetyPercentBetter, OutcomeGrade.Good)]
    [InlineData(SpasmState.AboutHalf, OutcomeGrade.Fair)]
    [InlineData(SpasmState.Unchanged, OutcomeGrade.Poor)]
    [InlineData(SpasmState.Worse, OutcomeGrade.Poor)]
    public void Grade_SpasmState_MapsToTheKoreanGrades(SpasmState state, OutcomeGrade grade)
    {
        Assert.Equal(grade, OutcomeGrading.Grade(state));
    }

    [Fact]
    public void GradeText_EveryGrade_HasWords()
    {
        Assert.All(Enum.GetValues<OutcomeGrade>(), g => Assert.False(string.IsNullOrWhiteSpace(OutcomeGrading.GradeText(g))));
    }

    public static TheoryData<string, PostOperativeCourse, int, string?, string?> Cases() => new()
    {
        // name, course, today (day), Li type, SKKU group
        { "immediate and lasting", Course((7, Gone), (30, Gone), (365, Gone)), 400, "Type 1", "A" },
        { "immediate, one visit", Course((6, Gone)), 10, "Type 1", "A" },
        { "delayed to 3 months", Course((7, HalfBetter), (30, Ninety), (91, Gone)), 100, "Type 2", "C" },
        { "delayed to 3 weeks", Course((7, HalfBetter), (21, Gone)), 30, "Type 2", "C" },
        { "back at 1 month, gone by 3 months", Course((7, Gone), (30, Ninety), (91, Gone)), 100, "Type 3", "B" },
        { "back at 1 month, gone at 6 months", Course((7, Gone), (30, Ninety), (182, Gone)), 190, null, "B" },
        { "back at 1 month, not yet gone again", Course((7, Gone), (30, Ninety)), 40, null, null },
        { "never cured, window passed", Course((7, Unchanged), (365, HalfBetter)), 400, "Type 4", "E" },
        { "not cured yet, in window", Course((7, Unchanged), (91, HalfBetter)), 100, null, null },
        { "first seen at 3 months, gone", Course((91, Gone)), 100, null, null },
        { "no follow-up", Course(), 100, null, null },
        { "first seen at 3 months, not gone, then gone", Course((91, HalfBetter), (182, Gone)), 190, null, "C" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LiAndSkku_WorkedCourses_ClassifyAsExpected(string name, PostOperativeCourse course, int today, string? li, string? skku)
    {
        var cure = DelayedCure.Assess(course, Day(today));

        var liResult = OutcomeGrading.LiType(course, cure);
        var skkuResult = OutcomeGrading.SkkuGroup(course, cure);

        Assert.True(li == liResult.Code, $"{name}: Li {liResult.Code} ({liResult.Why})");
        Assert.True(skku == skkuResult.Code, $"{name}: SKKU {skkuResult.Code} ({skkuResult.Why})");
        Assert.Equal(li is not null, liResult.Classified);
        Assert.False(string.IsNullOrWhiteSpace(liResult.Why));
        Assert.False(string.IsNullOrWhiteSpace(skkuResult.Why));
        if (li is null)
        {
            Assert.Equal("Not yet classifiable", liResult.Text);
        }
    }

    [Fact]
    public void LiAndSkku_DeclaredFailed_AreType4AndE()
    {
        var course = Course((7, Unchanged)) with { DeclaredFailed = true };
        var cure = DelayedCure.Assess(course, Day(20));

        Assert.Equal("Type 4", OutcomeGrading.LiType(course, cure).Code);
        Assert.Equal("E", OutcomeGrading.SkkuGroup(course, cure).Code);
    }

    [Fact]
    public void LiAndSkku_RecurrenceAfterAnImmediateCure_LiKeepsType1AndSkkuIsD()
    {
        var course = Course((7, Gone), (365, Gone), (500, HalfBetter)) with { RecurredOn = Day(480) };
        var cure = DelayedCure.Assess(course, Day(500));

        Assert.Equal("Type 1", OutcomeGrading.LiType(course, cure).Code);
        Assert.Equal("D", OutcomeGrading.SkkuGroup(course, cure).Code);
    }

    [Fact]
    public void Li_CuredAfterTwoYears_IsOutsideTheTypes()
    {
        var course = Course((7, HalfBetter), (800, Gone));
        var cure = DelayedCure.Assess(course, Day(800));

        var li = OutcomeGrading.LiType(course, cure);

        Assert.Null(li.Code);
        Assert.Contains("2 years", li.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Skku_QuickDelayedCure_SaysItIsQuickerThanAMonth()
    {
        var course = Course((7, HalfBetter), (21, Gone));

        var skku = OutcomeGrading.SkkuGroup(course, DelayedCure.Assess(course, Day(30)));

        Assert.Contains("quicker than SKKU", skku.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void SpasmState_MatchesTheWebEnumByNameAndValue()
    {
        var web = Enum.GetValues<SpasmCare.Web.Features.Surgery.SpasmStatus>().Select(v => (v.ToString(), (int)v));
        var clinical = Enum.GetValues<SpasmState>().Select(v => (v.ToString(), (int)v));

        Assert.Equal(clinical, web);
    }
}
