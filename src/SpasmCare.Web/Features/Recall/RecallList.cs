using System.Globalization;
using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Recall;

/// <summary>Where a recall item stands: on the list to work, or off it for now.</summary>
public enum RecallItemState
{
    /// <summary>Due and not dealt with: on the list.</summary>
    Open = 0,

    /// <summary>Postponed until a date that has not come yet.</summary>
    Postponed = 1,

    /// <summary>The patient declined; off the list until the item itself changes (a new session, score, task or no-show).</summary>
    Declined = 2,

    /// <summary>An appointment ahead satisfies it (any for re-injection and re-assessment; one booked for this item otherwise).</summary>
    Booked = 3,
}

/// <summary>
/// The recall list the front desk works from: patients due or overdue for a re-injection (the toxin module's due date,
/// <see cref="ToxinRecallList.DueAsync"/>), a post-operative follow-up (an open MVD follow-up task whose window has
/// opened), a scale re-assessment (no HFS-7 or SMC score for longer than <see cref="RecallSettings.ReassessmentMonths"/>,
/// for patients with a current hemifacial-spasm diagnosis or any toxin or MVD history), or a missed appointment (a
/// no-show with no later appointment booked, attended or done). One row per item, each with a stable
/// <see cref="Item.ItemKey"/>, so that calls, postponements and bookings (<see cref="RecallAction"/>) attach to it and stop
/// applying once the item itself changes. "Site" is the patient's usual site: the site of their latest appointment
/// (not cancelled, not in the future), visit or toxin session, whichever was last; the item's own site when none.
/// The list shows no clinical detail beyond the reason.
/// </summary>
public static class RecallList
{
    public const string Subject = "RecallItem";
    public const int PageSize = 100;
    public const string Hfs7Code = "HFS7";
    public const string SmcCode = "SMC";

    /// <summary>The latest action on an item: the last contact attempt and its outcome.</summary>
    public sealed record LastAction(RecallOutcome Outcome, DateTime RecordedAtUtc, string RecordedByName, DateOnly? PostponedUntil, string? Note);

    /// <summary>One thing a patient is due for, with where it stands.</summary>
    public sealed record Item(
        RecallReason Reason, string ItemKey, Guid PatientId, DateOnly DueOn, string? Milestone, Guid? SiteId,
        RecallItemState State, DateOnly? PostponedUntil, DateTime? BookedForUtc, LastAction? Last, int Attempts)
    {
        public int DaysOverdue(DateOnly today) => today.DayNumber - DueOn.DayNumber;

        public string ReasonText => Milestone is null ? Label(Reason) : Label(Reason) + " (" + Milestone + ")";

        /// <summary>The booking page, filled in for this item; the booking records a <see cref="RecallOutcome.Booked"/> action.</summary>
        public string BookUrl
        {
            get
            {
                var url = "/Schedule/Book?patientId=" + PatientId + "&type=" + TypeCode(Reason);
                if (SiteId is { } site)
                {
                    url += "&siteId=" + site;
                }

                return url + "&source=" + nameof(AppointmentSource.Recall) + "&sourceKey=" + Uri.EscapeDataString(ItemKey);
            }
        }
    }

    /// <summary>A row of the list: the item with who to call and the site's name.</summary>
    public sealed record Row(Item Item, string Name, string Mrn, string Mobile, string SiteName);

    public sealed record Result(
        IReadOnlyList<Row> Rows, IReadOnlyDictionary<RecallReason, int> Counts, int Total, int Page, DateOnly Today)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

        public int AllReasons => Counts.Values.Sum();
    }

    /// <summary>The appointment type booked for an item: injection visit, post-operative review, or a follow-up.</summary>
    public static string TypeCode(RecallReason reason) => reason switch
    {
        RecallReason.Reinjection => "injection-visit",
        RecallReason.PostOperativeFollowUp => "post-operative-review",
        _ => "follow-up",
    };

    public static string Label(RecallReason reason) => reason switch
    {
        RecallReason.Reinjection => "Re-injection",
        RecallReason.PostOperativeFollowUp => "Post-operative follow-up",
        RecallReason.Reassessment => "Scale re-assessment",
        RecallReason.MissedAppointment => "Missed appointment",
        _ => reason.ToString(),
    };

    public static string Label(RecallOutcome outcome) => outcome switch
    {
        RecallOutcome.NoAnswer => "No answer",
        RecallOutcome.LeftMessage => "Left a message",
        RecallOutcome.WillCallBack => "Will call back",
        RecallOutcome.Booked => "Booked",
        RecallOutcome.Declined => "Declined",
        RecallOutcome.WrongNumber => "Wrong number",
        RecallOutcome.Postponed => "Postponed",
        _ => outcome.ToString(),
    };

    public static string Label(RecallItemState state) => state switch
    {
        RecallItemState.Open => "Due",
        RecallItemState.Postponed => "Postponed",
        RecallItemState.Declined => "Declined",
        RecallItemState.Booked => "Booked",
        _ => state.ToString(),
    };

    /// <summary>
    /// Computes the items, for every patient or one, in a fixed number of set-based queries (about a dozen, whatever the
    /// number of patients). Reads no names and audits nothing: callers audit the patients they show.
    /// </summary>
    public sealed class Items(SpasmCareDbContext db, ClinicTime clock, TimeProvider time)
    {
        private sealed record Found(RecallReason Reason, string Key, Guid PatientId, DateOnly DueOn, string? Milestone, Guid? ItemSite);

        public Task<IReadOnlyList<Item>> AllAsync(CancellationToken ct) => ComputeAsync(null, ct);

        public Task<IReadOnlyList<Item>> ForPatientAsync(Guid patientId, CancellationToken ct) => ComputeAsync(patientId, ct);

        private async Task<IReadOnlyList<Item>> ComputeAsync(Guid? patientId, CancellationToken ct)
        {
            var today = clock.Today;
            var nowUtc = Clock.UtcNow(time);
            var startOfTodayUtc = clock.StartOfTodayUtc;
            var settings = await RecallSettings.LoadAsync(db, ct);
            var zones = await db.Sites.AsNoTracking()
                .Select(s => new { s.Id, s.TimeZoneId })
                .ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, ct);
            var found = new List<Found>();

            // Re-injection: the toxin module's own due date (its rules, not a copy).
            found.AddRange((await ToxinRecallList.DueAsync(db, ct, patientId))
                .Where(d => d.DueOn <= today && (patientId is null || d.PatientId == patientId))
                .Select(d => new Found(RecallReason.Reinjection, "reinjection:" + d.LastSessionId, d.PatientId, d.DueOn, null, d.SiteId)));

            // Post-operative follow-up: open MVD follow-up tasks whose window has opened; done when the task closes.
            var tasks = db.FollowUpTasks.AsNoTracking()
                .Where(t => t.Kind == FollowUpKind.MvdFollowUp && t.Status == FollowUpStatus.Open && t.DueFrom <= today)
                .Where(t => db.Patients.Any(p => p.Id == t.PatientId && p.IsActive));
            if (patientId is { } taskPatient)
            {
                tasks = tasks.Where(t => t.PatientId == taskPatient);
            }

            found.AddRange((await tasks.Select(t => new { t.Id, t.PatientId, t.DueFrom, t.Milestone, t.SiteId }).ToListAsync(ct))
                .Select(t => new Found(RecallReason.PostOperativeFollowUp, "postop:" + t.Id, t.PatientId, t.DueFrom, t.Milestone, t.SiteId)));

            // Scale re-assessment: patients in care for hemifacial spasm (a current HFS diagnosis, or any toxin session
            // or MVD operation) whose latest HFS-7 or SMC score is older than the interval; never scored: counted from
            // when they came into care.
            var patients = db.Patients.AsNoTracking().Where(p => p.IsActive);
            if (patientId is { } scalePatient)
            {
                patients = patients.Where(p => p.Id == scalePatient);
            }

            var inCare = await patients
                .Select(p => new
                {
                    p.Id,
                    Diagnosed = db.Diagnoses
                        .Where(d => d.PatientId == p.Id && d.Condition == ClinicalCondition.HemifacialSpasm && d.IsCurrent && !d.EnteredInError)
                        .Min(d => (DateTime?)d.CreatedAtUtc),
                    Injected = db.InjectionSessions.Where(s => s.PatientId == p.Id && !s.EnteredInError).Min(s => (DateTime?)s.InjectedAtUtc),
                    Operated = db.MvdOperations.Where(o => o.PatientId == p.Id).Min(o => (DateTime?)o.StartedAtUtc),
                    Scored = db.ScaleScores
                        .Where(s => s.PatientId == p.Id && (s.InstrumentCode == Hfs7Code || s.InstrumentCode == SmcCode) && s.SupersededBy == null)
                        .Where(s => s.VisitId == null || !db.Visits.Any(v => v.Id == s.VisitId && v.EnteredInError))
                        .Max(s => (DateTime?)s.AssessedAtUtc),
                })
                .Where(x => x.Diagnosed != null || x.Injected != null || x.Operated != null)
                .ToListAsync(ct);
            foreach (var p in inCare)
            {
                var scoredOn = p.Scored is { } scored ? DateOnly.FromDateTime(clock.Local(scored)) : (DateOnly?)null;
                var since = new[] { p.Diagnosed, p.Injected, p.Operated }.Where(d => d is not null).Min()!.Value;
                var dueOn = (scoredOn ?? DateOnly.FromDateTime(clock.Local(since))).AddMonths(settings.ReassessmentMonths);
                if (dueOn <= today)
                {
                    var key = "reassess:" + p.Id + ":" + (scoredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none");
                    found.Add(new Found(RecallReason.Reassessment, key, p.Id, dueOn, null, null));
                }
            }

            // Missed appointment: the patient's latest no-show, when nothing later was booked, attended or done.
            var missed = db.Appointments.AsNoTracking()
                .Where(a => a.Status == AppointmentStatus.NoShow)
                .Where(a => !db.Appointments.Any(b => b.PatientId == a.PatientId && b.StartUtc > a.StartUtc
                    && (b.Status == AppointmentStatus.Booked || b.Status == AppointmentStatus.CheckedIn || b.Status == AppointmentStatus.Completed)))
                .Where(a => db.Patients.Any(p => p.Id == a.PatientId && p.IsActive));
            if (patientId is { } missedPatient)
            {
                missed = missed.Where(a => a.PatientId == missedPatient);
            }

            found.AddRange((await missed.Select(a => new { a.Id, a.PatientId, a.StartUtc, a.SiteId }).ToListAsync(ct))
                .GroupBy(a => a.PatientId)
                .Select(g => g.MaxBy(a => a.StartUtc)!)
                .Select(a => new Found(RecallReason.MissedAppointment, "missed:" + a.Id, a.PatientId,
                    DateOnly.FromDateTime(VisitTime.Local(a.StartUtc, zones.GetValueOrDefault(a.SiteId) ?? Sites.Site.DefaultTimeZone)), null, a.SiteId)));

            if (found.Count == 0)
            {
                return [];
            }

            // Appointments ahead (from the start of today), booked or checked in.
            var ahead = db.Appointments.AsNoTracking()
                .Where(a => (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn) && a.StartUtc >= startOfTodayUtc);
            if (patientId is { } aheadPatient)
            {
                ahead = ahead.Where(a => a.PatientId == aheadPatient);
            }

            var upcoming = await ahead.Select(a => new { a.PatientId, a.StartUtc, a.SourceKey }).ToListAsync(ct);
            var nextByPatient = upcoming.GroupBy(a => a.PatientId).ToDictionary(g => g.Key, g => g.Min(a => a.StartUtc));
            var nextByKey = upcoming.Where(a => a.SourceKey != null)
                .GroupBy(a => a.SourceKey!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Min(a => a.StartUtc), StringComparer.Ordinal);

            // Every action on these items (the latest decides; the count is the history's length).
            var keys = found.Select(f => f.Key).ToList();
            var actionRows = db.RecallActions.AsNoTracking().Where(a => keys.Contains(a.ItemKey));
            if (patientId is { } actionPatient)
            {
                actionRows = actionRows.Where(a => a.PatientId == actionPatient);
            }

            var actions = (await actionRows
                    .Select(a => new { a.Id, a.ItemKey, a.Outcome, a.RecordedAtUtc, a.RecordedByName, a.PostponedUntil, a.Note })
                    .ToListAsync(ct))
                .GroupBy(a => a.ItemKey, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g =>
                {
                    var last = g.OrderByDescending(a => a.RecordedAtUtc).ThenByDescending(a => a.Id).First();   // ids are time-ordered (v7)
                    return (Count: g.Count(), Last: new LastAction(last.Outcome, last.RecordedAtUtc, last.RecordedByName, last.PostponedUntil, last.Note));
                }, StringComparer.Ordinal);

            var usual = await UsualSitesAsync(found.Select(f => f.PatientId).Distinct().ToList(), nowUtc, ct);

            return found
                .Select(f =>
                {
                    var (count, last) = actions.TryGetValue(f.Key, out var a) ? a : (0, null);
                    var booked = BookedFor(f.Reason, nextByKey.TryGetValue(f.Key, out var forItem) ? forItem : null,
                        nextByPatient.TryGetValue(f.PatientId, out var next) ? next : null);
                    var state = StateOf(last, booked, today);
                    return new Item(f.Reason, f.Key, f.PatientId, f.DueOn, f.Milestone, usual.GetValueOrDefault(f.PatientId) ?? f.ItemSite,
                        state, state == RecallItemState.Postponed ? last!.PostponedUntil : null, booked, last, count);
                })
                .OrderBy(i => i.DueOn).ThenBy(i => i.Reason).ThenBy(i => i.PatientId).ThenBy(i => i.ItemKey, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Each patient's usual site: that of the latest of their past appointments (not cancelled), visits and toxin sessions.</summary>
        private async Task<Dictionary<Guid, Guid?>> UsualSitesAsync(List<Guid> patientIds, DateTime nowUtc, CancellationToken ct)
        {
            var rows = await db.Patients.AsNoTracking()
                .Where(p => patientIds.Contains(p.Id))
                .Select(p => new
                {
                    p.Id,
                    Appointment = db.Appointments
                        .Where(a => a.PatientId == p.Id && a.Status != AppointmentStatus.Cancelled && a.StartUtc <= nowUtc)
                        .OrderByDescending(a => a.StartUtc).Select(a => new { At = (DateTime?)a.StartUtc, Site = (Guid?)a.SiteId }).FirstOrDefault(),
                    Visit = db.Visits
                        .Where(v => v.PatientId == p.Id && !v.EnteredInError)
                        .OrderByDescending(v => v.StartedAtUtc).Select(v => new { At = (DateTime?)v.StartedAtUtc, Site = (Guid?)v.SiteId }).FirstOrDefault(),
                    Session = db.InjectionSessions
                        .Where(s => s.PatientId == p.Id && !s.EnteredInError)
                        .OrderByDescending(s => s.InjectedAtUtc).Select(s => new { At = (DateTime?)s.InjectedAtUtc, Site = (Guid?)s.SiteId }).FirstOrDefault(),
                })
                .ToListAsync(ct);
            return rows.ToDictionary(r => r.Id, r => new[] { r.Appointment, r.Visit, r.Session }
                .Where(x => x?.At is not null)
                .OrderByDescending(x => x!.At)
                .Select(x => x!.Site)
                .FirstOrDefault());
        }
    }

    /// <summary>
    /// The appointment ahead that satisfies an item: one booked for this very item (its source key), or — for a
    /// re-injection or a re-assessment — any appointment of the patient ahead. Null when none.
    /// </summary>
    public static DateTime? BookedFor(RecallReason reason, DateTime? forItemUtc, DateTime? nextOfPatientUtc) =>
        forItemUtc ?? (reason is RecallReason.Reinjection or RecallReason.Reassessment ? nextOfPatientUtc : null);

    /// <summary>
    /// Where an item stands: booked when an appointment ahead satisfies it; otherwise the latest action decides —
    /// declined (until the item changes), postponed (until the date, when it is back on the list), or due.
    /// </summary>
    public static RecallItemState StateOf(LastAction? last, DateTime? bookedForUtc, DateOnly today) =>
        bookedForUtc is not null ? RecallItemState.Booked
        : last?.Outcome == RecallOutcome.Declined ? RecallItemState.Declined
        : last is { Outcome: RecallOutcome.Postponed, PostponedUntil: { } until } && until > today ? RecallItemState.Postponed
        : RecallItemState.Open;

    /// <summary>Which sites a list or a count covers: every site, or some (one chosen, or the signed-in person's own).</summary>
    public static bool AtSites(Item item, IReadOnlyCollection<Guid>? sites) =>
        sites is null || (item.SiteId is { } site && sites.Contains(site));

    /// <summary>The list page: open items at the sites and of the reason asked for, most overdue first, one page of them.</summary>
    public sealed class Query(Items items, SpasmCareDbContext db, AuditLog audit, ClinicTime clock)
    {
        public async Task<Result> HandleAsync(IReadOnlyCollection<Guid>? sites, RecallReason? reason, int page, CancellationToken ct)
        {
            var open = (await items.AllAsync(ct)).Where(i => i.State == RecallItemState.Open && AtSites(i, sites)).ToList();
            var counts = Enum.GetValues<RecallReason>().ToDictionary(r => r, r => open.Count(i => i.Reason == r));
            var listed = open.Where(i => reason is null || i.Reason == reason).ToList();
            page = Math.Clamp(page, 1, Math.Max(1, (listed.Count + PageSize - 1) / PageSize));
            var shown = listed.Skip((page - 1) * PageSize).Take(PageSize).ToList();
            var ids = shown.Select(i => i.PatientId).Distinct().ToList();
            var people = await db.Patients.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Mrn, p.Mobile })
                .ToDictionaryAsync(p => p.Id, ct);
            var siteNames = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            foreach (var id in ids)
            {
                audit.Read(AuditAction.RecallListViewed, id);
            }

            var rows = shown
                .Where(i => people.ContainsKey(i.PatientId))
                .Select(i =>
                {
                    var p = people[i.PatientId];
                    return new Row(i, PatientFormats.FullName(p.GivenName, p.FamilyName), p.Mrn, p.Mobile,
                        i.SiteId is { } s ? siteNames.GetValueOrDefault(s) ?? "" : "");
                })
                .ToList();
            return new Result(rows, counts, listed.Count, page, clock.Today);
        }
    }

    /// <summary>The home page's counts: open items per reason at the given sites (every site when null). Counts only, no audit.</summary>
    public sealed class Counts(Items items)
    {
        public async Task<IReadOnlyDictionary<RecallReason, int>> HandleAsync(IReadOnlyCollection<Guid>? sites, CancellationToken ct)
        {
            var open = (await items.AllAsync(ct)).Where(i => i.State == RecallItemState.Open && AtSites(i, sites)).ToList();
            return Enum.GetValues<RecallReason>().ToDictionary(r => r, r => open.Count(i => i.Reason == r));
        }
    }

    /// <summary>The sites of the signed-in person (none assigned: null, meaning every site).</summary>
    public static async Task<IReadOnlyCollection<Guid>?> MySitesAsync(SpasmCareDbContext db, Guid? userId, CancellationToken ct)
    {
        if (userId is not { } me)
        {
            return null;
        }

        var mine = await db.UserSites.AsNoTracking().Where(u => u.UserId == me).Select(u => u.SiteId).ToListAsync(ct);
        return mine.Count == 0 ? null : mine;
    }
}
