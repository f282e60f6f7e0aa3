using SpasmCare.Clinical.Scheduling;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// The first free slots for a type of appointment at a site, with one practitioner or any, and the room (or theatre
/// and anaesthetist) each would take. The rules are in <see cref="Availability"/>; this loads what they need.
/// </summary>
public static class FreeSlots
{
    /// <summary>Slots start this many minutes apart, counted from each session's start.</summary>
    public const int StepMinutes = 15;

    /// <summary>How far ahead "first available" looks.</summary>
    public const int SearchDays = 90;

    public sealed record Request(Guid SiteId, string TypeCode, Guid? PractitionerId, DateOnly From, int Count = 10);

    public sealed record Slot(
        DateTime StartUtc, DateTime EndUtc, DateTime LocalStart, Guid PractitionerId, string PractitionerName,
        Guid? RoomId, string? RoomName, Guid? TheatreId, string? TheatreName, Guid? AnaesthetistId, string? AnaesthetistName);

    /// <summary>The slots found, or why none can be (<see cref="Problem"/>, e.g. an unknown site).</summary>
    public sealed record Result(Site? Site, AppointmentType? Type, IReadOnlyList<Slot> Slots, string? Problem, string? ProblemField);

    /// <summary>What a type needs at a site besides the practitioner: the active rooms, theatres and anaesthetists to choose from.</summary>
    public sealed record Needs(IReadOnlyList<ScheduleResource> Rooms, IReadOnlyList<ScheduleResource> Theatres, IReadOnlyList<ScheduleResource> Anaesthetists)
    {
        public IEnumerable<ScheduleResource> All => Rooms.Concat(Theatres).Concat(Anaesthetists);
    }

    public sealed class Handler(SpasmCareDbContext db, TimeProvider time)
    {
        public async Task<Result> FindAsync(Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var (site, type, problem, field) = await SiteAndTypeAsync(request.SiteId, request.TypeCode, ct);
            if (problem is not null)
            {
                return new Result(site, type, [], problem, field);
            }

            var practitioners = await PractitionersAsync(site!, type!, request.PractitionerId, ct);
            if (request.PractitionerId is not null && practitioners.Count == 0)
            {
                return new Result(site, type, [], "Choose a practitioner who works at this site.", "PractitionerId");
            }

            var needs = await NeedsAsync(site!, type!, ct);
            var to = request.From.AddDays(SearchDays);
            var queries = await QueriesAsync(site!, type!, practitioners, needs, request.From, to, null, ct);
            var count = Math.Clamp(request.Count, 1, 200);
            var slots = queries
                .SelectMany(q => Availability.FreeSlots(q.Query, count).Select(s => ToSlot(s, q.Practitioner, needs, type!)))
                .OrderBy(s => s.StartUtc).ThenBy(s => s.PractitionerName, StringComparer.OrdinalIgnoreCase)
                .Take(count)
                .ToList();
            return new Result(site, type, slots, null, null);
        }

        /// <summary>The site (active) and the type (active) by code, or the problem and the field it belongs to.</summary>
        public async Task<(Site? Site, AppointmentType? Type, string? Problem, string? Field)> SiteAndTypeAsync(Guid siteId, string? typeCode, CancellationToken ct)
        {
            var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId && s.IsActive, ct);
            if (site is null)
            {
                return (null, null, "Choose one of the practice's open sites.", "SiteId");
            }

            var type = await db.AppointmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == typeCode && t.IsActive, ct);
            if (type is null)
            {
                return (site, null, "Choose a type of appointment from the list.", "TypeCode");
            }

            if (type.NeedsTheatre && !(site.Kind == SiteKind.Hospital && site.HasOperatingTheatre))
            {
                return (site, type, type.Name + " is booked at a hospital with an operating theatre: choose one.", "SiteId");
            }

            return (site, type, null, null);
        }

        /// <summary>
        /// The active practitioners who can take the type at the site: doctors (and nurses, except for surgery) with
        /// a weekly session or an extra session there; only <paramref name="practitionerId"/> when given.
        /// </summary>
        public async Task<IReadOnlyList<ScheduleResource>> PractitionersAsync(Site site, AppointmentType type, Guid? practitionerId, CancellationToken ct)
        {
            var working = await db.WeeklyAvailabilities.Where(w => w.SiteId == site.Id).Select(w => w.ResourceId).Distinct().ToListAsync(ct);
            working.AddRange(await db.AvailabilityExceptions
                .Where(e => e.SiteId == site.Id && e.Kind == AvailabilityExceptionKind.ExtraSession).Select(e => e.ResourceId).Distinct().ToListAsync(ct));
            var query = db.ScheduleResources.AsNoTracking()
                .Where(r => r.Kind == ResourceKind.Practitioner && r.IsActive && working.Contains(r.Id))
                .Where(r => r.Role == PractitionerRole.Doctor || (r.Role == PractitionerRole.Nurse && !type.NeedsTheatre));
            if (practitionerId is { } id)
            {
                query = query.Where(r => r.Id == id);
            }

            return (await query.ToListAsync(ct)).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        public async Task<Needs> NeedsAsync(Site site, AppointmentType type, CancellationToken ct)
        {
            var resources = await db.ScheduleResources.AsNoTracking()
                .Where(r => r.IsActive && (((r.Kind == ResourceKind.Room || r.Kind == ResourceKind.Theatre) && r.SiteId == site.Id)
                    || (r.Kind == ResourceKind.Practitioner && r.Role == PractitionerRole.Anaesthetist)))
                .ToListAsync(ct);
            List<ScheduleResource> Of(ResourceKind kind, bool needed) => needed
                ? resources.Where(r => r.Kind == kind).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList()
                : [];
            return new Needs(
                Of(ResourceKind.Room, type.NeedsRoom && !type.IsRemote),
                Of(ResourceKind.Theatre, type.NeedsTheatre),
                Of(ResourceKind.Practitioner, type.NeedsAnaesthetist));
        }

        /// <summary>
        /// One <see cref="SlotQuery"/> per practitioner for the local dates <paramref name="from"/> to <paramref name="to"/>:
        /// their sessions, leave and extra sessions at the site, the site's holidays, and what is already taken
        /// (except the appointment <paramref name="exceptAppointmentId"/> being moved). No slot before now.
        /// </summary>
        public async Task<IReadOnlyList<(ScheduleResource Practitioner, SlotQuery Query)>> QueriesAsync(Site site, AppointmentType type,
            IReadOnlyList<ScheduleResource> practitioners, Needs needs, DateOnly from, DateOnly to, Guid? exceptAppointmentId, CancellationToken ct)
        {
            var zone = Assessments.VisitTime.Zone(site.TimeZoneId);
            var fromUtc = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var ids = practitioners.Select(p => p.Id).Concat(needs.Anaesthetists.Select(a => a.Id)).ToList();
            var weekly = await db.WeeklyAvailabilities.AsNoTracking()
                .Where(w => w.SiteId == site.Id && ids.Contains(w.ResourceId) && (w.ValidUntil == null || w.ValidUntil >= from) && w.ValidFrom <= to)
                .ToListAsync(ct);
            var exceptions = await db.AvailabilityExceptions.AsNoTracking()
                .Where(e => ids.Contains(e.ResourceId) && e.Date >= from && e.Date <= to && (e.SiteId == null || e.SiteId == site.Id))
                .ToListAsync(ct);
            var holidays = (await db.Holidays.AsNoTracking()
                    .Where(h => h.Date >= from && h.Date <= to && (h.SiteId == null || h.SiteId == site.Id))
                    .Select(h => h.Date).ToListAsync(ct))
                .ToHashSet();
            var taken = await ScheduleConflicts.TakenAsync(db, practitioners.Concat(needs.All).ToList(), fromUtc, toUtc, exceptAppointmentId, ct);

            // An anaesthetist's leave makes them taken then (they need no session of their own at the site).
            foreach (var leave in exceptions.Where(e => e.Kind == AvailabilityExceptionKind.Leave && needs.Anaesthetists.Any(a => a.Id == e.ResourceId)))
            {
                var start = Availability.ToUtc(leave.Date.ToDateTime(leave.StartTime ?? TimeOnly.MinValue), zone) ?? leave.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var end = leave.StartTime is null || leave.EndTime is null
                    ? Availability.ToUtc(leave.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) ?? start.AddDays(1)
                    : Availability.ToUtc(leave.Date.ToDateTime(leave.EndTime.Value), zone) ?? start.AddDays(1);
                taken[leave.ResourceId].Add(new Busy(start, end));
            }

            var pools = new List<ResourcePool>();
            if (type.NeedsRoom && !type.IsRemote)
            {
                pools.Add(Pool("room", needs.Rooms, taken));
            }

            if (type.NeedsTheatre)
            {
                pools.Add(Pool("theatre", needs.Theatres, taken));
            }

            if (type.NeedsAnaesthetist)
            {
                pools.Add(Pool("anaesthetist", needs.Anaesthetists, taken));
            }

            var now = Clock.UtcNow(time);
            return practitioners.Select(p => (p, new SlotQuery
            {
                Zone = zone,
                From = from,
                To = to,
                Minutes = type.DefaultMinutes,
                StepMinutes = StepMinutes,
                NotBeforeUtc = now,
                Weekly = weekly.Where(w => w.ResourceId == p.Id).Select(w => new WeeklySession(w.Day, w.StartTime, w.EndTime, w.ValidFrom, w.ValidUntil)).ToList(),
                Leaves = exceptions.Where(e => e.ResourceId == p.Id && e.Kind == AvailabilityExceptionKind.Leave).Select(e => new Leave(e.Date, e.StartTime, e.EndTime)).ToList(),
                Extras = exceptions.Where(e => e.ResourceId == p.Id && e.Kind == AvailabilityExceptionKind.ExtraSession && e.SiteId == site.Id
                        && e.StartTime != null && e.EndTime != null)
                    .Select(e => new ExtraSession(e.Date, e.StartTime!.Value, e.EndTime!.Value)).ToList(),
                Holidays = holidays,
                PractitionerBusy = taken[p.Id],
                Needs = pools,
            })).ToList();
        }

        private static ResourcePool Pool(string name, IReadOnlyList<ScheduleResource> members, Dictionary<Guid, List<Busy>> taken) =>
            new(name, members.Select(m => new PoolMember(m.Id, taken[m.Id])).ToList());
    }

    /// <summary>The room, theatre and anaesthetist chosen for a slot, in the order the pools were built.</summary>
    public static (ScheduleResource? Room, ScheduleResource? Theatre, ScheduleResource? Anaesthetist) Chosen(IReadOnlyList<Guid> chosen, Needs needs, AppointmentType type)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(type);
        var i = 0;
        ScheduleResource? room = null, theatre = null, anaesthetist = null;
        if (type.NeedsRoom && !type.IsRemote)
        {
            var id = chosen[i++];
            room = needs.Rooms.FirstOrDefault(r => r.Id == id);
        }

        if (type.NeedsTheatre)
        {
            var id = chosen[i++];
            theatre = needs.Theatres.FirstOrDefault(r => r.Id == id);
        }

        if (type.NeedsAnaesthetist)
        {
            var id = chosen[i];
            anaesthetist = needs.Anaesthetists.FirstOrDefault(r => r.Id == id);
        }

        return (room, theatre, anaesthetist);
    }

    private static Slot ToSlot(FreeSlot slot, ScheduleResource practitioner, Needs needs, AppointmentType type)
    {
        var (room, theatre, anaesthetist) = Chosen(slot.Chosen, needs, type);
        return new Slot(slot.StartUtc, slot.EndUtc, slot.LocalStart, practitioner.Id, practitioner.Name,
            room?.Id, room?.Name, theatre?.Id, theatre?.Name, anaesthetist?.Id, anaesthetist?.Name);
    }
}
