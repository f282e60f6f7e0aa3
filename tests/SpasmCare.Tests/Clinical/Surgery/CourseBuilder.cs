using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

/// <summary>Courses written as "day after the operation → spasm", from an operation on 1 January 2026.</summary>
internal static class CourseBuilder
{
    public static readonly DateOnly Operated = new(2026, 1, 1);

    public static PostOperativeCourse Course(params (int Day, SpasmState State)[] seen) =>
        new(Operated, seen.Select(s => new SpasmObservation(Operated.AddDays(s.Day), s.State)).ToList());

    public static DateOnly Day(int n) => Operated.AddDays(n);

    public const SpasmState Gone = SpasmState.Gone;
    public const SpasmState Ninety = SpasmState.NinetyPercentBetter;
    public const SpasmState HalfBetter = SpasmState.AboutHalf;
    public const SpasmState Unchanged = SpasmState.Unchanged;
    public const SpasmState Worse = SpasmState.Worse;
}
