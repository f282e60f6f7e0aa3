using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class FollowUpScheduleTests
{
    private static readonly DateOnly Operated = new(2026, 1, 31);

    [Fact]
    public void For_DefaultYears_GivesNineMilestonesInOrder()
    {
        var all = FollowUpSchedule.For(Operated);

        Assert.Equal(["1 week", "1 month", "3 months", "6 months", "12 months", "2 years", "3 years", "4 years", "5 years"],
            all.Select(m => m.Label));
        Assert.Equal(Enumerable.Range(1, 9), all.Select(m => m.Order));
    }

    [Fact]
    public void For_OperationOn31January_TargetsAndWindowsUseCalendarMonths()
    {
        var all = FollowUpSchedule.For(Operated).ToDictionary(m => m.Label);

        // 1 week: day 7, window days 5–14.
        Assert.Equal((new DateOnly(2026, 2, 7), new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 14)), Parts(all["1 week"]));
        // 1 month: 31 Jan + 1 month = 28 Feb; window days 21–42.
        Assert.Equal((new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 21), new DateOnly(2026, 3, 14)), Parts(all["1 month"]));
        // 3 months: window 2 to 4 months.
        Assert.Equal((new DateOnly(2026, 4, 30), new DateOnly(2026, 3, 31), new DateOnly(2026, 5, 31)), Parts(all["3 months"]));
        // 6 months: window 5 to 8 months (30 June, 30 September: the months are short).
        Assert.Equal((new DateOnly(2026, 7, 31), new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30)), Parts(all["6 months"]));
        // 12 months: window 10 to 15 months.
        Assert.Equal((new DateOnly(2027, 1, 31), new DateOnly(2026, 11, 30), new DateOnly(2027, 4, 30)), Parts(all["12 months"]));
        // 2 years: window 22 to 27 months.
        Assert.Equal((new DateOnly(2028, 1, 31), new DateOnly(2027, 11, 30), new DateOnly(2028, 4, 30)), Parts(all["2 years"]));
    }

    [Fact]
    public void For_AnyDate_WindowsDoNotOverlapAndHoldTheirTarget()
    {
        for (var day = new DateOnly(2024, 1, 1); day < new DateOnly(2025, 1, 1); day = day.AddDays(1))
        {
            var all = FollowUpSchedule.For(day, 10);
            for (var i = 0; i < all.Count; i++)
            {
                Assert.True(all[i].Contains(all[i].Target));
                if (i > 0)
                {
                    Assert.True(all[i].DueFrom > all[i - 1].DueBy, $"{all[i].Label} overlaps {all[i - 1].Label} for {day}");
                }
            }
        }
    }

    [Theory]
    [InlineData(2, 6)]
    [InlineData(1, 5)]
    [InlineData(7, 11)]
    public void For_Years_AddsYearlyMilestonesUpToThem(int years, int count)
    {
        Assert.Equal(count, FollowUpSchedule.For(Operated, years).Count);
    }

    [Fact]
    public void For_ZeroYears_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FollowUpSchedule.For(Operated, 0));
    }

    [Theory]
    [InlineData("3 months", "2026-04-30")]
    [InlineData(" 3 MONTHS ", "2026-04-30")]
    [InlineData("7 years", "2033-01-31")]
    public void Find_KnownLabel_ReturnsItsMilestone(string label, string target)
    {
        Assert.Equal(DateOnly.Parse(target, System.Globalization.CultureInfo.InvariantCulture),
            FollowUpSchedule.Find(Operated, label)!.Target);
    }

    [Theory]
    [InlineData("2 weeks")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownLabel_ReturnsNull(string? label)
    {
        Assert.Null(FollowUpSchedule.Find(Operated, label));
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, "1 week")]
    [InlineData(14, "1 week")]
    [InlineData(15, null)]
    [InlineData(21, "1 month")]
    [InlineData(42, "1 month")]
    [InlineData(60, null)]
    [InlineData(61, "3 months")]
    public void WindowContaining_DaysAfterTheOperation_FindsTheMilestoneOrNone(int days, string? label)
    {
        var operated = new DateOnly(2026, 3, 1);

        Assert.Equal(label, FollowUpSchedule.WindowContaining(operated, operated.AddDays(days))?.Label);
    }

    [Theory]
    [InlineData(0, "1 week")]
    [InlineData(17, "1 week")]
    [InlineData(19, "1 week")] // a tie (12 days from each target) goes to the earlier milestone
    [InlineData(20, "1 month")]
    [InlineData(50, "1 month")]
    [InlineData(400, "12 months")]
    public void Nearest_BetweenWindows_PicksTheClosestTarget(int days, string label)
    {
        var operated = new DateOnly(2026, 3, 1);

        Assert.Equal(label, FollowUpSchedule.Nearest(operated, operated.AddDays(days)).Label);
    }

    [Fact]
    public void Labels_AreTheScheduleInOrder()
    {
        Assert.Equal(["1 week", "1 month", "3 months", "6 months", "12 months", "2 years"], FollowUpSchedule.Labels(2));
    }

    private static (DateOnly Target, DateOnly From, DateOnly By) Parts(FollowUpMilestone m) => (m.Target, m.DueFrom, m.DueBy);
}
