namespace SpasmCare.Clinical.Scheduling;

/// <summary>A practitioner's recurring weekly session at one site, in the site's wall-clock time.</summary>
public sealed record WeeklySession(DayOfWeek Day, TimeOnly Start, TimeOnly End, DateOnly ValidFrom, DateOnly? ValidUntil = null)
{
    public bool AppliesOn(DateOnly date) =>
        date.DayOfWeek == Day && date >= ValidFrom && (ValidUntil is null || date <= ValidUntil.Value);
}

/// <summary>
/// Time off on one date, in the site's wall-clock time: the whole day when <see cref="Start"/> is null. The caller
/// passes the leave that applies at the site (leave at this site and leave everywhere).
/// </summary>
public sealed record Leave(DateOnly Date, TimeOnly? Start = null, TimeOnly? End = null)
{
    public bool WholeDay => Start is null || End is null;
}

/// <summary>A one-off extra session at the site.</summary>
public sealed record ExtraSession(DateOnly Date, TimeOnly Start, TimeOnly End);

/// <summary>A span of local wall-clock time on one date (end exclusive).</summary>
public readonly record struct LocalWindow(TimeOnly Start, TimeOnly End);

/// <summary>A span of real time (end exclusive), in UTC.</summary>
public readonly record struct Busy(DateTime StartUtc, DateTime EndUtc)
{
    public bool Overlaps(DateTime startUtc, DateTime endUtc) => StartUtc < endUtc && startUtc < EndUtc;
}

/// <summary>A resource that can be taken (a room, a theatre, an anaesthetist) and the times it is already taken.</summary>
public sealed record PoolMember(Guid Id, IReadOnlyList<Busy> Taken)
{
    public bool FreeFor(DateTime startUtc, DateTime endUtc) => !Taken.Any(b => b.Overlaps(startUtc, endUtc));
}

/// <summary>
/// Something an appointment needs besides its practitioner, met by any one member (any room of the site, any theatre
/// of the hospital, any anaesthetist). An empty pool can never be met.
/// </summary>
public sealed record ResourcePool(string Name, IReadOnlyList<PoolMember> Members);

/// <summary>Everything that decides a practitioner's free slots at one site.</summary>
public sealed record SlotQuery
{
    public required TimeZoneInfo Zone { get; init; }
    public required DateOnly From { get; init; }

    /// <summary>The last date looked at (inclusive).</summary>
    public required DateOnly To { get; init; }

    /// <summary>How long the appointment takes, in real minutes.</summary>
    public required int Minutes { get; init; }

    /// <summary>Slots start this many minutes apart, counted from each session's start.</summary>
    public int StepMinutes { get; init; } = 15;

    /// <summary>No slot starts before this instant (now: the past cannot be booked).</summary>
    public DateTime NotBeforeUtc { get; init; } = DateTime.MinValue;

    public IReadOnlyList<WeeklySession> Weekly { get; init; } = [];
    public IReadOnlyList<Leave> Leaves { get; init; } = [];
    public IReadOnlyList<ExtraSession> Extras { get; init; } = [];

    /// <summary>Dates the site is closed (its own holidays and those of every site).</summary>
    public IReadOnlySet<DateOnly> Holidays { get; init; } = new HashSet<DateOnly>();

    /// <summary>When the practitioner is already taken (appointments anywhere, operations).</summary>
    public IReadOnlyList<Busy> PractitionerBusy { get; init; } = [];

    /// <summary>What else the appointment needs; each pool is met by any one free member.</summary>
    public IReadOnlyList<ResourcePool> Needs { get; init; } = [];
}

public enum SlotOutcome
{
    Free = 0,
    OutsideHours = 1,
    PractitionerBusy = 2,

    /// <summary>Every member of one pool (named in <see cref="SlotCheck.Pool"/>) is taken.</summary>
    NothingFree = 3,
}

/// <summary>Whether a start can be booked, the pool member chosen for each need, or the pool with nothing free.</summary>
public sealed record SlotCheck(SlotOutcome Outcome, IReadOnlyList<Guid> Chosen, string? Pool);

/// <summary>A free slot: its local start at the site, its real start and end, and the pool member chosen for each need (in order).</summary>
public sealed record FreeSlot(DateTime LocalStart, DateTime StartUtc, DateTime EndUtc, IReadOnlyList<Guid> Chosen);

/// <summary>
/// A practitioner's free slots at a site. Sessions are wall-clock times at the site (09:00 stays 09:00 across a
/// daylight-saving change); appointments take real minutes. A holiday closes the site for the whole day (extra
/// sessions too); leave removes time from the day's sessions, an extra session adds some. In a zone with a clock
/// change, a local start that does not exist (the skipped hour) is never offered, and one that happens twice (the
/// repeated hour) means its first occurrence. No I/O: the caller loads the data.
/// </summary>
public static class Availability
{
    /// <summary>The local windows the practitioner works at the site on <paramref name="date"/>, merged and in order.</summary>
    public static IReadOnlyList<LocalWindow> Windows(DateOnly date, SlotQuery query)
    {
        if (query.Holidays.Contains(date))
        {
            return [];
        }

        var windows = query.Weekly.Where(w => w.AppliesOn(date)).Select(w => new LocalWindow(w.Start, w.End))
            .Concat(query.Extras.Where(e => e.Date == date).Select(e => new LocalWindow(e.Start, e.End)))
            .Where(w => w.End > w.Start)
            .OrderBy(w => w.Start)
            .ToList();
        var merged = new List<LocalWindow>();
        foreach (var w in windows)
        {
            if (merged.Count > 0 && w.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = w.End > merged[^1].End ? w.End : merged[^1].End };
            }
            else
            {
                merged.Add(w);
            }
        }

        foreach (var leave in query.Leaves.Where(l => l.Date == date))
        {
            if (leave.WholeDay)
            {
                return [];
            }

            merged = merged.SelectMany(w => Subtract(w, leave.Start!.Value, leave.End!.Value)).ToList();
        }

        return merged;
    }

    /// <summary>The first <paramref name="max"/> free slots from <see cref="SlotQuery.From"/> to <see cref="SlotQuery.To"/>, earliest first.</summary>
    public static IReadOnlyList<FreeSlot> FreeSlots(SlotQuery query, int max = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Minutes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.StepMinutes, 1);
        var slots = new List<FreeSlot>();
        for (var date = query.From; date <= query.To && slots.Count < max; date = date.AddDays(1))
        {
            foreach (var window in Windows(date, query))
            {
                var windowEnd = SessionBound(date, window.End, query.Zone);
                for (var local = date.ToDateTime(window.Start); local < date.ToDateTime(window.End); local = local.AddMinutes(query.StepMinutes))
                {
                    if (ToUtc(local, query.Zone) is not { } start)
                    {
                        continue;
                    }

                    var end = start.AddMinutes(query.Minutes);
                    if (end > windowEnd)
                    {
                        break;
                    }

                    if (start < query.NotBeforeUtc || Resources(query, start, end) is not { } chosen)
                    {
                        continue;
                    }

                    slots.Add(new FreeSlot(local, start, end, chosen));
                    if (slots.Count >= max)
                    {
                        return slots;
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>
    /// Whether one given start can be booked: inside the practitioner's hours, the practitioner free, and a free member
    /// of every pool (the first free one is chosen). The start need not be on the step.
    /// </summary>
    public static SlotCheck Check(SlotQuery query, DateTime startUtc)
    {
        var end = startUtc.AddMinutes(query.Minutes);
        if (!WithinHours(query, startUtc))
        {
            return new SlotCheck(SlotOutcome.OutsideHours, [], null);
        }

        if (query.PractitionerBusy.Any(b => b.Overlaps(startUtc, end)))
        {
            return new SlotCheck(SlotOutcome.PractitionerBusy, [], null);
        }

        var chosen = new List<Guid>(query.Needs.Count);
        foreach (var pool in query.Needs)
        {
            var member = pool.Members.FirstOrDefault(m => m.FreeFor(startUtc, end));
            if (member is null)
            {
                return new SlotCheck(SlotOutcome.NothingFree, [], pool.Name);
            }

            chosen.Add(member.Id);
        }

        return new SlotCheck(SlotOutcome.Free, chosen, null);
    }

    /// <summary>
    /// Whether an appointment of <see cref="SlotQuery.Minutes"/> starting at <paramref name="startUtc"/> lies wholly
    /// inside one of the practitioner's windows at the site (not on a holiday, not on leave). Bookings are not looked at.
    /// </summary>
    public static bool WithinHours(SlotQuery query, DateTime startUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), query.Zone);
        var date = DateOnly.FromDateTime(local);
        var end = startUtc.AddMinutes(query.Minutes);
        return Windows(date, query).Any(w =>
            SessionBound(date, w.Start, query.Zone) <= startUtc && end <= SessionBound(date, w.End, query.Zone));
    }

    /// <summary>
    /// The UTC instant of a local wall-clock time, or null when it does not exist (skipped by a clock change). A
    /// repeated local time (clocks going back) is its first occurrence.
    /// </summary>
    public static DateTime? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The earliest instant is the one with the largest offset (summer time, before the clocks go back).
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The instant a session starts or ends: a skipped local time moves to the end of the gap.</summary>
    private static DateTime SessionBound(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        for (var i = 0; i <= 24 * 4; i++)
        {
            if (ToUtc(local.AddMinutes(15 * i), zone) is { } utc)
            {
                return utc;
            }
        }

        return TimeZoneInfo.ConvertTimeToUtc(local.AddHours(2), zone);
    }

    private static List<Guid>? Resources(SlotQuery query, DateTime start, DateTime end)
    {
        if (query.PractitionerBusy.Any(b => b.Overlaps(start, end)))
        {
            return null;
        }

        var chosen = new List<Guid>(query.Needs.Count);
        foreach (var pool in query.Needs)
        {
            var member = pool.Members.FirstOrDefault(m => m.FreeFor(start, end));
            if (member is null)
            {
                return null;
            }

            chosen.Add(member.Id);
        }

        return chosen;
    }

    private static IEnumerable<LocalWindow> Subtract(LocalWindow window, TimeOnly start, TimeOnly end)
    {
        if (end <= window.Start || start >= window.End)
        {
            yield return window;
            yield break;
        }

        if (start > window.Start)
        {
            yield return new LocalWindow(window.Start, start);
        }

        if (end < window.End)
        {
            yield return new LocalWindow(end, window.End);
        }
    }
}
