using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>Which patients the recall list shows, by their next-injection date against today.</summary>
public enum RecallWindow
{
    /// <summary>Overdue or due within <see cref="ToxinRecallList.SoonDays"/> days: the front desk's working view.</summary>
    Due = 0,

    Overdue = 1,

    /// <summary>Due today or within <see cref="ToxinRecallList.SoonDays"/> days, not yet overdue.</summary>
    Soon = 2,

    /// <summary>Every active patient with a toxin session.</summary>
    All = 3,
}

/// <summary>
/// Patients due or overdue for their next toxin session, for the front desk to call: who, how to reach them, where and
/// when they were last injected, and when they are due. It shows no dose, product or response (the front desk has no
/// clinical access). The due date is <see cref="ToxinHistory.Due"/> of each patient's sessions, computed from one query of
/// every session not entered in error (with its wearing-off date) of the active patients (<see cref="DueAsync"/>), so thousands
/// of patients cost one round trip, not one each; names and numbers are then read for the page shown only. Patients operated on (MVD)
/// since their last session are left out.
/// </summary>
public static class ToxinRecallList
{
    public const int SoonDays = 14;
    public const int PageSize = 100;

    public sealed record Row(
        Guid PatientId, string Name, string Mrn, string Mobile, Guid SiteId, string SiteName, DateOnly LastSessionOn, DateOnly DueOn)
    {
        public int DaysOverdue(DateOnly today) => today.DayNumber - DueOn.DayNumber;
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, DateOnly Today)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Query(SpasmCareDbContext db, AuditLog audit, ClinicTime clock)
    {
        public async Task<Result> HandleAsync(Guid? siteId, RecallWindow window, int page, CancellationToken ct)
        {
            var today = clock.Today;
            var sites = await db.Sites.AsNoTracking()
                .Select(s => new { s.Id, s.Name })
                .ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            var due = (await DueAsync(db, ct))
                .Where(p => siteId is null || p.SiteId == siteId)
                .Where(p => window switch
                {
                    RecallWindow.Overdue => p.DueOn < today,
                    RecallWindow.Soon => p.DueOn >= today && p.DueOn <= today.AddDays(SoonDays),
                    RecallWindow.All => true,
                    _ => p.DueOn <= today.AddDays(SoonDays),
                })
                .OrderBy(p => p.DueOn).ThenBy(p => p.PatientId)
                .ToList();

            page = Math.Clamp(page, 1, Math.Max(1, (due.Count + PageSize - 1) / PageSize));
            var shown = due.Skip((page - 1) * PageSize).Take(PageSize).ToList();
            var ids = shown.Select(p => p.PatientId).ToList();
            var people = await db.Patients.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Mrn, p.Mobile })
                .ToDictionaryAsync(p => p.Id, ct);
            foreach (var id in ids)
            {
                audit.Read(AuditAction.ToxinRecallListViewed, id);
            }

            var rows = shown
                .Where(p => people.ContainsKey(p.PatientId))
                .Select(p =>
                {
                    var person = people[p.PatientId];
                    return new Row(p.PatientId, PatientFormats.FullName(person.GivenName, person.FamilyName), person.Mrn, person.Mobile,
                        p.SiteId, sites.GetValueOrDefault(p.SiteId) ?? "", p.LastOn, p.DueOn);
                })
                .ToList();
            return new Result(rows, due.Count, page, today);
        }
    }

    /// <summary>The next injection of one active patient: the last session (its site and local date) and the due date.</summary>
    public sealed record Due(Guid PatientId, Guid SiteId, Guid LastSessionId, DateOnly LastOn, DateTime LastAtUtc, DateOnly DueOn);

    /// <summary>
    /// Every active patient waiting for a next toxin session, with its due date (<see cref="ToxinHistory.Due"/>), in a
    /// handful of queries whatever the number of patients. Patients operated on (MVD) since their last session are left
    /// out. Reads no names and audits nothing: callers audit the patients they show. Also used by the recall lists
    /// (<paramref name="patientId"/>: one patient's only).
    /// </summary>
    public static async Task<IReadOnlyList<Due>> DueAsync(SpasmCareDbContext db, CancellationToken ct, Guid? patientId = null)
    {
        var settings = await ToxinRuleSettings.LoadAsync(db, ct);
        var zones = await db.Sites.AsNoTracking()
            .Select(s => new { s.Id, s.TimeZoneId })
            .ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, ct);

        // One query: every current session of an active patient, with the latest date its effect wore off.
        var sessions = await (
                from s in db.InjectionSessions.AsNoTracking()
                where !s.EnteredInError && (patientId == null || s.PatientId == patientId)
                join p in db.Patients on s.PatientId equals p.Id
                where p.IsActive
                select new
                {
                    s.Id, s.PatientId, s.SiteId, s.InjectedAtUtc, s.IsBooster,
                    WoreOffOn = db.InjectionReviews
                        .Where(r => r.SessionId == s.Id && !r.EnteredInError && r.WoreOffOn != null)
                        .Max(r => r.WoreOffOn),
                })
            .ToListAsync(ct);

        // A patient operated on (MVD) after the last session is no longer waiting for toxin; a session after the
        // operation (a recurrence) puts them back on the list.
        var operated = await db.MvdOperations.AsNoTracking()
            .Where(o => patientId == null || o.PatientId == patientId)
            .GroupBy(o => o.PatientId)
            .Select(g => new { PatientId = g.Key, Last = g.Max(o => o.StartedAtUtc) })
            .ToDictionaryAsync(o => o.PatientId, o => o.Last, ct);

        return sessions
            .Select(s =>
            {
                var zone = zones.GetValueOrDefault(s.SiteId) ?? Sites.Site.DefaultTimeZone;
                var date = DateOnly.FromDateTime(VisitTime.Local(s.InjectedAtUtc, zone));
                int? benefit = s.WoreOffOn is { } off && off > date ? off.DayNumber - date.DayNumber : null;
                return (s.Id, s.PatientId, s.SiteId, s.InjectedAtUtc, Date: date, s.IsBooster, Benefit: benefit);
            })
            .GroupBy(s => s.PatientId)
            .Select(g =>
            {
                var last = g.MaxBy(s => s.InjectedAtUtc);
                var next = ToxinHistory.Due(g.Select(s => (s.Date, s.IsBooster, s.Benefit)), settings)!;
                return new Due(g.Key, last.SiteId, last.Id, last.Date, last.InjectedAtUtc, next.DueOn);
            })
            .Where(p => !(operated.TryGetValue(p.PatientId, out var operatedAt) && operatedAt > p.LastAtUtc))
            .ToList();
    }

    public static string Label(RecallWindow window) => window switch
    {
        RecallWindow.Due => $"Overdue or due within {SoonDays} days",
        RecallWindow.Overdue => "Overdue",
        RecallWindow.Soon => $"Due within {SoonDays} days",
        RecallWindow.All => "All patients on toxin",
        _ => window.ToString(),
    };
}
