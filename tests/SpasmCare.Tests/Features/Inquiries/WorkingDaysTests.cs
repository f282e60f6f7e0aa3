using SpasmCare.Web.Features.Inquiries;

namespace SpasmCare.Tests.Features.Inquiries;

public sealed class WorkingDaysTests
{
    // 2026-11-23 is a Monday.
    [Theory]
    [InlineData("2026-11-25 10:00", "2026-11-24 10:00")] // Wednesday → Tuesday, same time
    [InlineData("2026-11-23 10:00", "2026-11-20 10:00")] // Monday → Friday, same time
    [InlineData("2026-11-23 00:00", "2026-11-20 00:00")] // Monday midnight → Friday midnight
    [InlineData("2026-11-28 15:00", "2026-11-27 00:00")] // Saturday: the clock stands at Friday 24:00 → Friday 00:00
    [InlineData("2026-11-29 09:00", "2026-11-27 00:00")] // Sunday likewise
    [InlineData("2026-11-24 00:00", "2026-11-21 00:00")] // Tuesday midnight: Monday 00:00 is Friday 24:00, so the weekend is not overdue
    public void OneWorkingDayBefore_FoldsWeekendsAway(string now, string expected)
    {
        var result = WorkingDays.OneWorkingDayBefore(Parse(now));

        Assert.Equal(Parse(expected), result);
    }

    [Theory]
    [InlineData("2026-11-27 10:00", "2026-11-30 10:30", true)]  // Friday morning, Monday after the same hour
    [InlineData("2026-11-27 10:00", "2026-11-30 09:30", false)] // Friday morning, Monday before the same hour
    [InlineData("2026-11-28 14:00", "2026-11-30 23:00", false)] // Saturday, Monday night: one working day not yet passed
    [InlineData("2026-11-28 14:00", "2026-12-01 00:30", true)]  // Saturday, early Tuesday: more than one working day
    [InlineData("2026-11-24 10:00", "2026-11-25 09:59", false)]
    [InlineData("2026-11-24 10:00", "2026-11-25 10:01", true)]
    public void Overdue_ComparedWithTheCutoff_CountsOnlyMondayToFriday(string received, string now, bool overdue)
    {
        var cutoff = WorkingDays.OneWorkingDayBefore(Parse(now));

        Assert.Equal(overdue, Parse(received) < cutoff);
    }

    private static DateTime Parse(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
