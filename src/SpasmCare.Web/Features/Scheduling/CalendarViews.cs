using System.Globalization;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// The calendar's day and week views: for a site (a column per practitioner) or for one practitioner (across
/// sites), each day in the site's own time zone. Sessions come from the weekly pattern, its exceptions and holidays;
/// free time is what the sessions leave once the booked appointments are taken out. Five small queries whatever the
/// range: appointments (with patient and type), weekly sessions, exceptions, holidays, practitioners.
/// </summary>
public static class CalendarViews
{
    public sealed record Interval(TimeOnly Start, TimeOnly End);

    public sealed record Entry(
        Guid Id, Guid PatientId, string PatientName, string Mrn, string Type, AppointmentStatus Status,
        Guid PractitionerId, Guid? AnaesthetistId, Guid SiteId, DateTime StartUtc, DateTime EndUtc, DateTime LocalStart, DateTime LocalEnd)
    {
        public bool HoldsTime => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn;
    }

    /// <summary>One practitioner's day at one site.</summary>
    public sealed record Column(Guid PractitionerId, string Name, PractitionerRole? Role, List<Interval> Sessions, List<Entry> Appointments, List<Interval> Free);

    /// <summary>One day at one site: a column per practitioner working or booked there.</summary>
    public sealed record Block(Site Site, DateOnly Date, string? Holiday, List<Column> Columns)
    {
        public int AppointmentCount => Columns.Sum(c => c.Appointments.Count);

        /// <summary>Rows by start time (site-local): each row holds, per column, the appointments and free times that start then.</summary>
        public List<Row> Rows()
        {
            var times = Columns.SelectMany(c => c.Appointments.Select(a => Clamp(a.LocalStart, Date)).Concat(c.Free.Select(f => f.Start)))
                .Distinct().Order().ToList();
            return times.Select(t => new Row(t, Columns.Select(c => new Cell(
                c.Appointments.Where(a => Clamp(a.LocalStart, Date) == t).ToList(),
                c.Free.FirstOrDefault(f => f.Start == t))).ToList())).ToList();
        }
    }

    public sealed record Row(TimeOnly Time, List<Cell> Cells);

    public sealed record Cell(List<Entry> Appointments, Interval? Free);

    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>The Monday of the week holding <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The UTC instant a local day starts at a site (the first valid local time, if the clock skipped midnight).</summary>
    public static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        for (var i = 0; i < 4 && zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static TimeOnly Clamp(DateTime local, DateOnly date) =>
        DateOnly.FromDateTime(local) < date ? TimeOnly.MinValue : TimeOnly.FromDateTime(local);

    private static TimeOnly ClampEnd(DateTime local, DateOnly date) =>
        DateOnly.FromDateTime(local) > date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(local);

    /// <summary>
    /// A practitioner's sessions at a site on a date: the weekly pattern valid that day plus extra sessions, less
    /// leave there or everywhere (a whole day, or the hours given); none on a holiday.
    /// </summary>
    public static List<Interval> Sessions(DateOnly date, Guid siteId, IEnumerable<WeeklyAvailability> weekly,
        IEnumerable<AvailabilityException> exceptions, bool holiday)
    {
        if (holiday)
        {
            return [];
        }

        var onDay = exceptions.Where(e => e.Date == date).ToList();
        var sessions = weekly
            .Where(w => w.SiteId == siteId && w.Day == date.DayOfWeek && w.ValidFrom <= date && (w.ValidUntil is null || w.ValidUntil >= date))
            .Select(w => new Interval(w.StartTime, w.EndTime))
            .Concat(onDay.Where(e => e.Kind == AvailabilityExceptionKind.ExtraSession && e.SiteId == siteId && e.StartTime is not null && e.EndTime is not null)
                .Select(e => new Interval(e.StartTime!.Value, e.EndTime!.Value)))
            .OrderBy(i => i.Start)
            .ToList();
        var leave = onDay.Where(e => e.Kind == AvailabilityExceptionKind.Leave && (e.SiteId is null || e.SiteId == siteId)).ToList();
        if (leave.Any(l => l.StartTime is null))
        {
            return [];
        }

        return Subtract(sessions, leave.Select(l => new Interval(l.StartTime!.Value, l.EndTime!.Value)));
    }

    /// <summary>What is left of <paramref name="from"/> once every busy interval is taken out.</summary>
    public static List<Interval> Subtract(IEnumerable<Interval> from, IEnumerable<Interval> busy)
    {
        var result = from.ToList();
        foreach (var b in busy)
        {
            result = result.SelectMany(i =>
            {
                if (b.End <= i.Start || b.Start >= i.End)
                {
                    return new[] { i };
                }

                var parts = new List<Interval>(2);
                if (b.Start > i.Start)
                {
                    parts.Add(new Interval(i.Start, b.Start));
                }

                if (b.End < i.End)
                {
                    parts.Add(new Interval(b.End, i.End));
                }

                return parts.ToArray();
            }).ToList();
        }

        return result.OrderBy(i => i.Start).ToList();
    }

    public sealed class Query(SpasmCareDbContext db, TimeProvider time)
    {
        /// <summary>Every site, active or not (appointments may sit at a site closed since): the caller filters the picker.</summary>
        public async Task<List<Site>> SitesAsync(CancellationToken ct) =>
            await db.Sites.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);

        public async Task<List<ScheduleResource>> PractitionersAsync(CancellationToken ct) =>
            await db.ScheduleResources.AsNoTracking().Where(r => r.Kind == ResourceKind.Practitioner).OrderBy(r => r.Name).ToListAsync(ct);

        /// <summary>A site's days from <paramref name="from"/> (inclusive) for <paramref name="days"/> days.</summary>
        public async Task<List<Block>> SiteAsync(Site site, DateOnly from, int days, CancellationToken ct)
        {
            var data = await LoadAsync(site, null, from, days, [site], ct);
            return Enumerable.Range(0, days).Select(i => data.Block(site, from.AddDays(i), null)).ToList();
        }

        /// <summary>A practitioner's days: per day, a block for each site where they work or are booked.</summary>
        public async Task<List<(DateOnly Date, List<Block> Blocks)>> PractitionerAsync(ScheduleResource practitioner, IReadOnlyList<Site> sites,
            DateOnly from, int days, CancellationToken ct)
        {
            var data = await LoadAsync(null, practitioner, from, days, sites, ct);
            var result = new List<(DateOnly, List<Block>)>();
            for (var i = 0; i < days; i++)
            {
                var date = from.AddDays(i);
                var blocks = sites
                    .Select(s => data.Block(s, date, practitioner.Id))
                    .Where(b => b.Columns.Count > 0)
                    .OrderBy(FirstUtc)
                    .ToList();
                result.Add((date, blocks));
            }

            return result;
        }

        /// <summary>When a block's day starts in absolute time, so a practitioner's sites are listed in the order they are worked.</summary>
        private static DateTime FirstUtc(Block block) =>
            block.Columns.SelectMany(c => c.Appointments.Select(a => a.StartUtc)
                    .Concat(c.Sessions.Select(s => VisitTime.ToUtc(block.Date, s.Start, block.Site.TimeZoneId) ?? DateTime.MaxValue)))
                .DefaultIfEmpty(DateTime.MaxValue).Min();

        private async Task<Data> LoadAsync(Site? site, ScheduleResource? practitioner, DateOnly from, int days, IReadOnlyList<Site> sites, CancellationToken ct)
        {
            var until = from.AddDays(days - 1);

            // A day boundary differs by zone: fetch a day either side, then keep what falls on each site's local days.
            var fromUtc = site is null ? from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : StartOfDayUtc(from, VisitTime.Zone(site.TimeZoneId));
            var toUtc = site is null ? until.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : StartOfDayUtc(until.AddDays(1), VisitTime.Zone(site.TimeZoneId));
            var siteId = site?.Id;
            var practitionerId = practitioner?.Id;

            var appointments = db.Appointments.AsNoTracking().Where(a => a.StartUtc < toUtc && a.EndUtc > fromUtc);
            appointments = siteId is { } sid
                ? appointments.Where(a => a.SiteId == sid)
                : appointments.Where(a => a.PractitionerId == practitionerId || a.AnaesthetistId == practitionerId);
            var rows = await (from a in appointments
                              join p in db.Patients on a.PatientId equals p.Id
                              join t in db.AppointmentTypes on a.TypeId equals t.Id
                              orderby a.StartUtc
                              select new { a.Id, a.PatientId, p.GivenName, p.FamilyName, p.Mrn, Type = t.Name, a.Status, a.PractitionerId, a.AnaesthetistId, a.SiteId, a.StartUtc, a.EndUtc })
                .ToListAsync(ct);
            var zones = sites.ToDictionary(s => s.Id, s => s.TimeZoneId);
            var entries = rows.Where(r => zones.ContainsKey(r.SiteId)).Select(r => new Entry(r.Id, r.PatientId, (r.GivenName + " " + r.FamilyName).Trim(), r.Mrn, r.Type,
                r.Status, r.PractitionerId, r.AnaesthetistId, r.SiteId, r.StartUtc, r.EndUtc,
                VisitTime.Local(r.StartUtc, zones[r.SiteId]), VisitTime.Local(r.EndUtc, zones[r.SiteId]))).ToList();

            var weekly = await db.WeeklyAvailabilities.AsNoTracking()
                .Where(w => siteId != null ? w.SiteId == siteId : w.ResourceId == practitionerId)
                .Where(w => w.ValidFrom <= until && (w.ValidUntil == null || w.ValidUntil >= from))
                .ToListAsync(ct);
            var exceptions = await db.AvailabilityExceptions.AsNoTracking()
                .Where(e => e.Date >= from && e.Date <= until && (practitionerId == null || e.ResourceId == practitionerId))
                .ToListAsync(ct);
            var holidays = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= until).ToListAsync(ct);
            var practitioners = await db.ScheduleResources.AsNoTracking().Where(r => r.Kind == ResourceKind.Practitioner).ToListAsync(ct);
            return new Data(entries, weekly, exceptions, holidays, practitioners.ToDictionary(p => p.Id), Clock.UtcNow(time));
        }

        private sealed record Data(List<Entry> Entries, List<WeeklyAvailability> Weekly, List<AvailabilityException> Exceptions,
            List<Holiday> Holidays, Dictionary<Guid, ScheduleResource> Practitioners, DateTime NowUtc)
        {
            public Block Block(Site site, DateOnly date, Guid? only)
            {
                var holiday = Holidays.FirstOrDefault(h => h.Date == date && (h.SiteId == null || h.SiteId == site.Id));
                var dayStart = date.ToDateTime(TimeOnly.MinValue);
                var dayEnd = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
                var onDay = Entries.Where(e => e.SiteId == site.Id && e.LocalStart < dayEnd && (e.LocalEnd > dayStart || e.LocalStart >= dayStart))
                    .ToList();
                var nowLocal = VisitTime.Local(NowUtc, site.TimeZoneId);
                var ids = Weekly.Where(w => w.SiteId == site.Id && w.Day == date.DayOfWeek).Select(w => w.ResourceId)
                    .Concat(Exceptions.Where(e => e.Date == date && e.Kind == AvailabilityExceptionKind.ExtraSession && e.SiteId == site.Id).Select(e => e.ResourceId))
                    .Where(id => Practitioners.TryGetValue(id, out var p) && p.IsActive)
                    .Concat(onDay.Select(e => e.PractitionerId))
                    .Concat(onDay.Where(e => only is not null && e.AnaesthetistId == only).Select(e => e.AnaesthetistId!.Value))
                    .Where(id => only is null || id == only)
                    .Distinct();
                var columns = new List<Column>();
                foreach (var id in ids)
                {
                    if (!Practitioners.TryGetValue(id, out var practitioner))
                    {
                        continue;
                    }

                    var sessions = Sessions(date, site.Id, Weekly.Where(w => w.ResourceId == id), Exceptions.Where(e => e.ResourceId == id), holiday is not null);
                    // A practitioner's own view also lists the operations they give the anaesthetic for.
                    var mine = onDay.Where(e => e.PractitionerId == id || (only == id && e.AnaesthetistId == id)).ToList();
                    var busy = onDay.Where(e => e.HoldsTime && (e.PractitionerId == id || e.AnaesthetistId == id))
                        .Select(e => new Interval(Clamp(e.LocalStart, date), ClampEnd(e.LocalEnd, date)));
                    var free = Subtract(sessions, busy);
                    var today = DateOnly.FromDateTime(nowLocal);
                    if (date < today)
                    {
                        free = [];
                    }
                    else if (date == today)
                    {
                        free = Subtract(free, [new Interval(TimeOnly.MinValue, TimeOnly.FromDateTime(nowLocal))]);
                    }

                    if (sessions.Count == 0 && mine.Count == 0)
                    {
                        continue;
                    }

                    columns.Add(new Column(id, practitioner.Name, practitioner.Role, sessions, mine, free.Where(f => f.End > f.Start).ToList()));
                }

                return new Block(site, date, holiday?.Name, columns.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList());
            }
        }
    }
}
