namespace SpasmCare.Clinical.Surgery;

/// <summary>
/// One post-operative follow-up milestone for a given operation date: its label ("3 months"), the day it aims at
/// and the window of days in which a visit counts as that milestone.
/// </summary>
public sealed record FollowUpMilestone(string Label, int Order, DateOnly Target, DateOnly DueFrom, DateOnly DueBy)
{
    public bool Contains(DateOnly day) => day >= DueFrom && day <= DueBy;
}

/// <summary>
/// The MVD follow-up schedule: 1 week, 1, 3, 6 and 12 months, then yearly (DOMAIN §7 item 7). The windows are a
/// design choice [D], not a published standard; they do not overlap, so a visit date belongs to at most one
/// milestone:
/// <list type="bullet">
/// <item>1 week: day 5 to day 14 after the operation;</item>
/// <item>1 month: day 21 to day 42;</item>
/// <item>3 months: 2 to 4 months;</item>
/// <item>6 months: 5 to 8 months;</item>
/// <item>12 months: 10 to 15 months;</item>
/// <item>N years (N ≥ 2): N years less 2 months to N years plus 3 months.</item>
/// </list>
/// Month arithmetic is calendar arithmetic (<see cref="DateOnly.AddMonths"/>: 31 January + 1 month = 28/29 February).
/// </summary>
public static class FollowUpSchedule
{
    /// <summary>Yearly follow-ups run to this many years after the operation unless a caller asks for more or fewer.</summary>
    public const int DefaultYears = 5;

    public const string OneWeek = "1 week";
    public const string OneMonth = "1 month";
    public const string ThreeMonths = "3 months";
    public const string SixMonths = "6 months";
    public const string TwelveMonths = "12 months";

    /// <summary>The milestones for an operation on <paramref name="operatedOn"/>, earliest first.</summary>
    public static IReadOnlyList<FollowUpMilestone> For(DateOnly operatedOn, int years = DefaultYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var list = new List<FollowUpMilestone>
        {
            new(OneWeek, 1, operatedOn.AddDays(7), operatedOn.AddDays(5), operatedOn.AddDays(14)),
            new(OneMonth, 2, operatedOn.AddMonths(1), operatedOn.AddDays(21), operatedOn.AddDays(42)),
            new(ThreeMonths, 3, operatedOn.AddMonths(3), operatedOn.AddMonths(2), operatedOn.AddMonths(4)),
            new(SixMonths, 4, operatedOn.AddMonths(6), operatedOn.AddMonths(5), operatedOn.AddMonths(8)),
            new(TwelveMonths, 5, operatedOn.AddMonths(12), operatedOn.AddMonths(10), operatedOn.AddMonths(15)),
        };
        for (var year = 2; year <= years; year++)
        {
            list.Add(new($"{year} years", 4 + year, operatedOn.AddYears(year),
                operatedOn.AddMonths(12 * year - 2), operatedOn.AddMonths(12 * year + 3)));
        }

        return list;
    }

    /// <summary>The labels in order, to offer in a milestone picker.</summary>
    public static IReadOnlyList<string> Labels(int years = DefaultYears) =>
        For(new DateOnly(2000, 1, 1), years).Select(m => m.Label).ToList();

    /// <summary>The milestone with this label (case-insensitive), or null when there is none.</summary>
    public static FollowUpMilestone? Find(DateOnly operatedOn, string? label, int years = DefaultYears) =>
        label is null
            ? null
            : For(operatedOn, Math.Max(years, YearsIn(label))).FirstOrDefault(m =>
                string.Equals(m.Label, label.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The milestone whose window holds <paramref name="seenOn"/>, or null between windows.</summary>
    public static FollowUpMilestone? WindowContaining(DateOnly operatedOn, DateOnly seenOn, int years = DefaultYears) =>
        For(operatedOn, years).FirstOrDefault(m => m.Contains(seenOn));

    /// <summary>
    /// The milestone a visit on <paramref name="seenOn"/> most likely is: the one whose window holds it, otherwise
    /// the one whose target day is closest (ties go to the earlier milestone). Used to pre-select the picker.
    /// </summary>
    public static FollowUpMilestone Nearest(DateOnly operatedOn, DateOnly seenOn, int years = DefaultYears)
    {
        var all = For(operatedOn, years);
        return all.FirstOrDefault(m => m.Contains(seenOn))
            ?? all.MinBy(m => Math.Abs(m.Target.DayNumber - seenOn.DayNumber))!;
    }

    private static int YearsIn(string label)
    {
        var parts = label.Trim().Split(' ');
        return parts.Length == 2 && parts[1] == "years" && int.TryParse(parts[0], out var n) && n is > 1 and <= 50
            ? n
            : DefaultYears;
    }
}
