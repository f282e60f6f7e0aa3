using SpasmCare.Clinical.Surgery;
using static SpasmCare.Tests.Clinical.Surgery.CourseBuilder;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class DelayedCureTests
{
    [Fact]
    public void Assess_GoneAtTheOneWeekVisit_IsCuredImmediately()
    {
        var cure = DelayedCure.Assess(Course((7, Gone), (30, Gone)), Day(40));

        Assert.Equal(CureState.CuredImmediately, cure.State);
        Assert.True(cure.Immediate);
        Assert.Equal(Day(7), cure.CuredOn);
        Assert.Equal(7, cure.DaysToCure);
        Assert.True(cure.IsCured);
        Assert.False(cure.SpasmSeenSinceCure);
    }

    [Fact]
    public void Assess_FirstVisitGoneButOnDay15_IsDelayedBecauseTheStartIsUnknown()
    {
        var cure = DelayedCure.Assess(Course((15, Gone)), Day(20));

        Assert.Equal(CureState.CuredDelayed, cure.State);
        Assert.Equal(15, cure.DaysToCure);
    }

    [Fact]
    public void Assess_GoneAtDay14_IsStillImmediate()
    {
        Assert.Equal(CureState.CuredImmediately, DelayedCure.Assess(Course((14, Gone)), Day(20)).State);
    }

    [Fact]
    public void Assess_PresentAtOneWeekGoneAtThreeMonths_IsCuredDelayedWithDays()
    {
        var cure = DelayedCure.Assess(Course((7, HalfBetter), (30, Ninety), (91, Gone)), Day(100));

        Assert.Equal(CureState.CuredDelayed, cure.State);
        Assert.Equal(91, cure.DaysToCure);
        Assert.Equal(Day(91), cure.CuredOn);
        Assert.False(cure.Immediate);
        Assert.Contains("day 91", cure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_FollowUpsInAnyOrder_AreReadInDateOrder()
    {
        var cure = DelayedCure.Assess(Course((91, Gone), (7, HalfBetter)), Day(100));

        Assert.Equal(CureState.CuredDelayed, cure.State);
        Assert.Equal(91, cure.DaysToCure);
    }

    [Fact]
    public void Assess_NoFollowUp_SaysSo()
    {
        var cure = DelayedCure.Assess(Course(), Day(400));

        Assert.Equal(CureState.NoFollowUp, cure.State);
        Assert.False(cure.IsCured);
    }

    [Theory]
    [InlineData(12, 365, CureState.NotYetCured)] // 1 Jan 2027 is the last day of the window
    [InlineData(12, 366, CureState.Failed)]
    [InlineData(6, 181, CureState.NotYetCured)] // 1 Jul 2026
    [InlineData(6, 182, CureState.Failed)]
    public void Assess_NeverCured_FailsOnlyAfterTheWindow(int months, int today, CureState expected)
    {
        var cure = DelayedCure.Assess(Course((7, Unchanged), (91, HalfBetter)), Day(today), months);

        Assert.Equal(expected, cure.State);
        Assert.Equal(Operated.AddMonths(months), cure.WindowEndsOn);
    }

    [Fact]
    public void Assess_DeclaredFailedWithinTheWindow_IsFailed()
    {
        var course = Course((7, Unchanged)) with { DeclaredFailed = true };

        var cure = DelayedCure.Assess(course, Day(30));

        Assert.Equal(CureState.Failed, cure.State);
        Assert.True(cure.FailureDeclared);
    }

    [Fact]
    public void Assess_DeclaredFailedThenCured_TheCureStandsAndTheDeclarationIsKept()
    {
        var course = Course((7, Unchanged), (200, Gone)) with { DeclaredFailed = true };

        var cure = DelayedCure.Assess(course, Day(210));

        Assert.Equal(CureState.CuredDelayed, cure.State);
        Assert.True(cure.FailureDeclared);
    }

    [Fact]
    public void Assess_RecurrenceRecordedAfterACure_IsRecurredAndKeepsTheCure()
    {
        var course = Course((7, Gone), (365, Gone), (500, HalfBetter)) with { RecurredOn = Day(480) };

        var cure = DelayedCure.Assess(course, Day(500));

        Assert.Equal(CureState.Recurred, cure.State);
        Assert.Equal(7, cure.DaysToCure);
        Assert.True(cure.Immediate);
        Assert.True(cure.IsCured);
    }

    [Fact]
    public void Assess_SpasmAgainAtTheLastVisitWithoutARecurrence_IsFlagged()
    {
        var cure = DelayedCure.Assess(Course((7, Gone), (91, Ninety)), Day(100));

        Assert.Equal(CureState.CuredImmediately, cure.State);
        Assert.True(cure.SpasmSeenSinceCure);
        Assert.Contains("record a recurrence", cure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_FollowUpBeforeTheOperation_IsIgnored()
    {
        var cure = DelayedCure.Assess(Course((-3, Gone)), Day(10));

        Assert.Equal(CureState.NoFollowUp, cure.State);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    public void Assess_WindowOutside6To12Months_Throws(int months)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DelayedCure.Assess(Course(), Day(1), months));
    }

    [Theory]
    [InlineData("6", 6)]
    [InlineData("12", 12)]
    [InlineData("9", 9)]
    [InlineData("5", 12)]
    [InlineData("13", 12)]
    [InlineData("", 12)]
    [InlineData(null, 12)]
    [InlineData("nine", 12)]
    public void ParseWindow_StoredValue_FallsBackTo12WhenOutOfRange(string? stored, int expected)
    {
        Assert.Equal(expected, DelayedCure.ParseWindow(stored));
    }
}
