using SpasmCare.Clinical.Scheduling;

namespace SpasmCare.Tests.Clinical.Scheduling;

public sealed class AvailabilityTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Tuesday.
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    private static SlotQuery Query(int minutes = 30, int step = 15, TimeZoneInfo? zone = null, DateOnly? from = null, DateOnly? to = null) => new()
    {
        Zone = zone ?? Kolkata,
        From = from ?? Tuesday,
        To = to ?? from ?? Tuesday,
        Minutes = minutes,
        StepMinutes = step,
        Weekly = [new WeeklySession(DayOfWeek.Tuesday, new(9, 0), new(10, 0), new(2026, 1, 1))],
    };

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static string[] Local(IEnumerable<FreeSlot> slots) =>
        slots.Select(s => s.LocalStart.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void FreeSlots_WeeklySession_StepsFromTheSessionStartAndEndInsideItInTheSitesZone()
    {
        var slots = Availability.FreeSlots(Query() with { To = Tuesday.AddDays(6) });

        Assert.Equal(["2026-12-01 09:00", "2026-12-01 09:15", "2026-12-01 09:30"], Local(slots));
        Assert.Equal([Utc(2026, 12, 1, 3, 30), Utc(2026, 12, 1, 3, 45), Utc(2026, 12, 1, 4, 0)], slots.Select(s => s.StartUtc));
        Assert.All(slots, s => Assert.Equal(s.StartUtc.AddMinutes(30), s.EndUtc));
    }

    [Fact]
    public void FreeSlots_SessionOutsideItsValidDates_OffersNothing()
    {
        var query = Query() with
        {
            Weekly = [new WeeklySession(DayOfWeek.Tuesday, new(9, 0), new(10, 0), Tuesday.AddDays(1)),
                      new WeeklySession(DayOfWeek.Tuesday, new(14, 0), new(15, 0), new(2026, 1, 1), Tuesday.AddDays(-1))],
        };

        Assert.Empty(Availability.FreeSlots(query));
        Assert.Single(Availability.FreeSlots(query with { From = Tuesday.AddDays(7), To = Tuesday.AddDays(7), Minutes = 60 }));
    }

    [Fact]
    public void FreeSlots_Holiday_ClosesTheDayIncludingAnExtraSession()
    {
        var query = Query() with { Holidays = new HashSet<DateOnly> { Tuesday }, Extras = [new ExtraSession(Tuesday, new(14, 0), new(15, 0))] };

        Assert.Empty(Availability.FreeSlots(query));
        Assert.Empty(Availability.Windows(Tuesday, query));
        Assert.NotEmpty(Availability.FreeSlots(query with { Holidays = new HashSet<DateOnly>() }));
    }

    [Fact]
    public void FreeSlots_Leave_WholeDayRemovesEverythingPartDayOnlyItsHours()
    {
        var whole = Query() with { Leaves = [new Leave(Tuesday)], Extras = [new ExtraSession(Tuesday, new(14, 0), new(15, 0))] };
        var part = Query(minutes: 15) with { Leaves = [new Leave(Tuesday, new(9, 15), new(9, 45))] };
        var otherDay = Query() with { Leaves = [new Leave(Tuesday.AddDays(1))] };

        Assert.Empty(Availability.FreeSlots(whole));
        Assert.Equal(["2026-12-01 09:00", "2026-12-01 09:45"], Local(Availability.FreeSlots(part)));
        Assert.Equal([new LocalWindow(new(9, 0), new(9, 15)), new LocalWindow(new(9, 45), new(10, 0))], Availability.Windows(Tuesday, part));
        Assert.Equal(3, Availability.FreeSlots(otherDay).Count);
    }

    [Fact]
    public void FreeSlots_ExtraSession_AddsADayAndMergesWithAnOverlappingWeeklySession()
    {
        var wednesday = Tuesday.AddDays(1);
        var query = Query(minutes: 60, step: 30, to: wednesday) with
        {
            Extras = [new ExtraSession(Tuesday, new(9, 30), new(11, 0)), new ExtraSession(wednesday, new(16, 0), new(17, 0))],
        };

        Assert.Equal(["2026-12-01 09:00", "2026-12-01 09:30", "2026-12-01 10:00", "2026-12-02 16:00"], Local(Availability.FreeSlots(query)));
        Assert.Equal([new LocalWindow(new(9, 0), new(11, 0))], Availability.Windows(Tuesday, query));
    }

    [Fact]
    public void FreeSlots_PractitionerBusy_RemovesOverlappingSlotsButNotThoseThatTouch()
    {
        // Busy 09:15–09:30 local (03:45–04:00 UTC).
        var query = Query(minutes: 15) with { PractitionerBusy = [new Busy(Utc(2026, 12, 1, 3, 45), Utc(2026, 12, 1, 4, 0))] };

        Assert.Equal(["2026-12-01 09:00", "2026-12-01 09:30", "2026-12-01 09:45"], Local(Availability.FreeSlots(query)));
    }

    [Fact]
    public void FreeSlots_RoomPool_ChoosesAFreeRoomAndNeedsOne()
    {
        Guid roomA = Guid.NewGuid(), roomB = Guid.NewGuid();
        var busyA = new[] { new Busy(Utc(2026, 12, 1, 3, 30), Utc(2026, 12, 1, 4, 0)) };
        var busyB = new[] { new Busy(Utc(2026, 12, 1, 3, 30), Utc(2026, 12, 1, 3, 45)) };
        var query = Query(minutes: 15) with { Needs = [new ResourcePool("room", [new PoolMember(roomA, busyA), new PoolMember(roomB, busyB)])] };

        var slots = Availability.FreeSlots(query);

        Assert.Equal(["2026-12-01 09:15", "2026-12-01 09:30", "2026-12-01 09:45"], Local(slots));
        Assert.Equal([roomB, roomA, roomA], slots.Select(s => s.Chosen.Single()));
        Assert.Empty(Availability.FreeSlots(query with { Needs = [new ResourcePool("room", [])] }));
    }

    [Fact]
    public void FreeSlots_EveryPoolMustBeMet_TheatreAndAnaesthetist()
    {
        Guid theatre = Guid.NewGuid(), anaesthetist = Guid.NewGuid();
        var query = Query(minutes: 30) with
        {
            Needs =
            [
                new ResourcePool("theatre", [new PoolMember(theatre, [])]),
                new ResourcePool("anaesthetist", [new PoolMember(anaesthetist, [new Busy(Utc(2026, 12, 1, 3, 30), Utc(2026, 12, 1, 4, 0))])]),
            ],
        };

        var slots = Availability.FreeSlots(query);

        Assert.Equal(["2026-12-01 09:30"], Local(slots));
        Assert.Equal([theatre, anaesthetist], slots[0].Chosen);
    }

    [Fact]
    public void FreeSlots_NotBeforeAndMax_SkipThePastAndStopAtTheCount()
    {
        var query = Query(minutes: 15, to: Tuesday.AddDays(14)) with { NotBeforeUtc = Utc(2026, 12, 1, 3, 40) };

        var slots = Availability.FreeSlots(query, max: 5);

        Assert.Equal(["2026-12-01 09:15", "2026-12-01 09:30", "2026-12-01 09:45", "2026-12-08 09:00", "2026-12-08 09:15"], Local(slots));
    }

    [Fact]
    public void FreeSlots_LondonClocksGoForward_SkipsTheMissingHourAndKeepsWallClockSessions()
    {
        // Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST.
        var sunday = new DateOnly(2026, 3, 29);
        var query = Query(minutes: 30, step: 30, zone: London, from: sunday) with
        {
            Weekly = [new WeeklySession(DayOfWeek.Sunday, new(0, 0), new(3, 0), new(2026, 1, 1)),
                      new WeeklySession(DayOfWeek.Sunday, new(9, 0), new(9, 30), new(2026, 1, 1))],
        };

        var slots = Availability.FreeSlots(query);

        Assert.Equal(["2026-03-29 00:00", "2026-03-29 00:30", "2026-03-29 02:00", "2026-03-29 02:30", "2026-03-29 09:00"], Local(slots));
        Assert.Equal([Utc(2026, 3, 29, 0, 0), Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 29, 1, 30), Utc(2026, 3, 29, 8, 0)],
            slots.Select(s => s.StartUtc));
        Assert.Null(Availability.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0), London));
    }

    [Fact]
    public void FreeSlots_LondonClocksGoBack_TakesTheFirstOfTheRepeatedHour()
    {
        // Sunday 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:00–01:59 happens twice.
        var sunday = new DateOnly(2026, 10, 25);
        var query = Query(minutes: 60, step: 60, zone: London, from: sunday) with
        {
            Weekly = [new WeeklySession(DayOfWeek.Sunday, new(0, 0), new(3, 0), new(2026, 1, 1)),
                      new WeeklySession(DayOfWeek.Sunday, new(9, 0), new(10, 0), new(2026, 1, 1))],
        };

        var slots = Availability.FreeSlots(query);

        Assert.Equal(["2026-10-25 00:00", "2026-10-25 01:00", "2026-10-25 02:00", "2026-10-25 09:00"], Local(slots));
        Assert.Equal([Utc(2026, 10, 24, 23, 0), Utc(2026, 10, 25, 0, 0), Utc(2026, 10, 25, 2, 0), Utc(2026, 10, 25, 9, 0)],
            slots.Select(s => s.StartUtc));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), Availability.ToUtc(new DateTime(2026, 10, 25, 1, 30, 0), London));
    }

    [Fact]
    public void WithinHours_ChecksTheWholeAppointmentAgainstTheWindows()
    {
        var query = Query(minutes: 30) with { Leaves = [new Leave(Tuesday, new(9, 40), new(9, 50))] };

        Assert.True(Availability.WithinHours(query with { Leaves = [] }, Utc(2026, 12, 1, 4, 0)));
        Assert.False(Availability.WithinHours(query with { Leaves = [] }, Utc(2026, 12, 1, 4, 5)));
        Assert.False(Availability.WithinHours(query, Utc(2026, 12, 1, 4, 0)));
        Assert.True(Availability.WithinHours(query with { Minutes = 10 }, Utc(2026, 12, 1, 3, 30)));
        Assert.False(Availability.WithinHours(query with { Leaves = [], Holidays = new HashSet<DateOnly> { Tuesday } }, Utc(2026, 12, 1, 3, 30)));
    }

    [Fact]
    public void Check_OneStart_SaysWhyItCannotBeBookedOrChoosesTheResources()
    {
        Guid roomA = Guid.NewGuid(), roomB = Guid.NewGuid();
        var rooms = new ResourcePool("room", [new PoolMember(roomA, [new Busy(Utc(2026, 12, 1, 3, 30), Utc(2026, 12, 1, 3, 50))]), new PoolMember(roomB, [])]);
        var query = Query(minutes: 20) with { Needs = [rooms], PractitionerBusy = [new Busy(Utc(2026, 12, 1, 4, 10), Utc(2026, 12, 1, 4, 20))] };

        Assert.Equal(new SlotCheck(SlotOutcome.OutsideHours, [], null).Outcome, Availability.Check(query, Utc(2026, 12, 1, 3, 20)).Outcome);
        Assert.Equal(SlotOutcome.PractitionerBusy, Availability.Check(query, Utc(2026, 12, 1, 4, 0)).Outcome);
        var free = Availability.Check(query, Utc(2026, 12, 1, 3, 35));
        Assert.Equal(SlotOutcome.Free, free.Outcome);
        Assert.Equal([roomB], free.Chosen);
        var full = Availability.Check(query with { Needs = [rooms with { Members = [rooms.Members[0]] }] }, Utc(2026, 12, 1, 3, 35));
        Assert.Equal((SlotOutcome.NothingFree, "room"), (full.Outcome, full.Pool));
    }
}
