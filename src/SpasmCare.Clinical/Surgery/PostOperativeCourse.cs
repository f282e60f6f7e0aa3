namespace SpasmCare.Clinical.Surgery;

/// <summary>
/// The spasm at a post-operative follow-up, in the percentage categories of DOMAIN §2.7 (complete resolution,
/// ≥90 % better, about half better, unchanged, worse). Same names and values as the web project's SpasmStatus.
/// </summary>
public enum SpasmState
{
    Gone = 0,
    NinetyPercentBetter = 1,
    AboutHalf = 2,
    Unchanged = 3,
    Worse = 4,
}

/// <summary>The spasm as seen at one follow-up.</summary>
public sealed record SpasmObservation(DateOnly SeenOn, SpasmState State);

/// <summary>
/// What is known of a case after its operation: the follow-ups (any order; entered-in-error ones left out by the
/// caller), whether the surgeon declared the operation failed, and the date a recurrence after a cure was recorded.
/// </summary>
public sealed record PostOperativeCourse(
    DateOnly OperatedOn, IReadOnlyList<SpasmObservation> Observations, bool DeclaredFailed = false, DateOnly? RecurredOn = null)
{
    /// <summary>The follow-ups on or after the operation day, earliest first (same-day ties keep their order).</summary>
    public IReadOnlyList<SpasmObservation> Ordered { get; } =
        Observations.Where(o => o.SeenOn >= OperatedOn).OrderBy(o => o.SeenOn).ToList();

    /// <summary>Days from the operation to <paramref name="day"/> (the operation day is day 0).</summary>
    public int DayOf(DateOnly day) => day.DayNumber - OperatedOn.DayNumber;

    /// <summary>The earliest follow-up with the spasm gone, or null when there is none.</summary>
    public SpasmObservation? FirstGone => Ordered.FirstOrDefault(o => o.State == SpasmState.Gone);

    /// <summary>The earliest follow-up if it was seen within the 1-week window (by day 14), else null.</summary>
    public SpasmObservation? Early =>
        Ordered.Count > 0 && DayOf(Ordered[0].SeenOn) <= EarlyDays ? Ordered[0] : null;

    /// <summary>The last day of the 1-week follow-up window: a follow-up by then says how the case began.</summary>
    public const int EarlyDays = 14;
}
