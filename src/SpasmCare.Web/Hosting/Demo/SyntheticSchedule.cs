using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Hosting.Demo;

/// <summary>
/// The demo's schedule: the staff as practitioners, an outside anaesthetist per hospital, the clinic's rooms and the
/// hospitals' theatres, weekly availability (the neurologist at the clinic every morning and two afternoons, toxin on
/// Tuesdays and Saturdays; the neurosurgeon operating at the hospitals on Wednesdays and Fridays and seeing patients at
/// the clinic on Thursday afternoons; the nurse at the clinic), a day's leave, an extra theatre list, the holidays the
/// practice closes on, and a calendar for the current and the next week: every appointment is placed by walking that
/// availability, so none overlaps another on any resource and none falls outside its practitioner's hours. Past ones
/// are completed (two no-shows), today's are checked in as they arrive, later ones booked with their reminders, a few
/// cancelled. Theatre days have MVD cases booked (or, when already past, operated). Deterministic for a given seed
/// and clock; no real person's data.
/// </summary>
public static class SyntheticSchedule
{
    public sealed record Staff(Guid NeurologistUserId, Guid SurgeonUserId, string SurgeonName, Guid NurseUserId, Guid DeskUserId);

    /// <summary>What the seeding made, for the console and the startup tests.</summary>
    public sealed record Result(int Appointments, int MvdCases, DateOnly FirstDay, DateOnly LastDay);

    private sealed record Session(Guid PractitionerId, Guid SiteId, DateOnly Date, TimeOnly Start, TimeOnly End);

    private sealed class Pools(Random rng)
    {
        private readonly HashSet<Guid> _used = [];
        public List<Guid> Injection { get; init; } = [];
        public List<Guid> Review { get; init; } = [];
        public List<Guid> FollowUp { get; init; } = [];
        public List<Guid> New { get; init; } = [];
        public List<Guid> PostOp { get; init; } = [];
        public List<Guid> Any { get; init; } = [];

        /// <summary>
        /// The next patient of the pool not yet in the calendar, else anyone not yet in it, else anyone free then (a
        /// small demo runs out of patients); <see cref="Guid.Empty"/> when nobody is.
        /// </summary>
        public Guid Take(List<Guid> pool, Func<Guid, bool> free)
        {
            var id = pool.FirstOrDefault(p => !_used.Contains(p));
            if (id == Guid.Empty)
            {
                id = Any.FirstOrDefault(p => !_used.Contains(p));
            }

            if (id == Guid.Empty)
            {
                var start = rng.Next(Any.Count);
                id = Enumerable.Range(0, Any.Count).Select(i => Any[(start + i) % Any.Count]).FirstOrDefault(free);
            }

            _used.Add(id);
            return id;
        }
    }

    private static readonly string[] CancelReasons =
    [
        "Patient unwell; will call to rebook.",
        "Family function out of town.",
        "Clashes with the patient's work; asked for a Saturday.",
        "Transport strike in the patient's area.",
        "Patient prefers a tele-consultation instead.",
    ];

    public static async Task<Result> SeedAsync(SpasmCareDbContext db, AuditLog audit, AppointmentReminders reminders, ClinicTime clock,
        TimeProvider time, IReadOnlyList<Site> sites, Staff staff, int seed, CancellationToken ct)
    {
        var rng = new Random(seed);
        var now = Clock.UtcNow(time);
        var today = clock.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var lastDay = monday.AddDays(13);
        var clinic = sites.First(s => s.Kind == SiteKind.Clinic);
        var hospitals = sites.Where(s => s.Kind == SiteKind.Hospital && s.HasOperatingTheatre).ToList();
        var types = await db.AppointmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct);

        // Resources.
        ScheduleResource Practitioner(string name, PractitionerRole role, Guid? userId) =>
            new() { Kind = ResourceKind.Practitioner, Name = name, Role = role, UserId = userId, Version = Guid.CreateVersion7() };
        var mehta = Practitioner("Dr Anjali Mehta", PractitionerRole.Doctor, staff.NeurologistUserId);
        var rao = Practitioner(staff.SurgeonName, PractitionerRole.Doctor, staff.SurgeonUserId);
        var nurse = Practitioner("Sunita Patil", PractitionerRole.Nurse, staff.NurseUserId);
        string[] anaesthetistNames = ["Dr Farhan Qureshi (synthetic)", "Dr Meera Joshi (synthetic)", "Dr Rohan Bhatt (synthetic)"];
        var anaesthetists = hospitals.Select((h, i) => (Hospital: h, Resource: Practitioner(anaesthetistNames[i % anaesthetistNames.Length], PractitionerRole.Anaesthetist, null))).ToList();
        var rooms = new[] { "Consulting room 1", "Consulting room 2", "Procedure room" }
            .Select(n => new ScheduleResource { Kind = ResourceKind.Room, Name = n, SiteId = clinic.Id, Version = Guid.CreateVersion7() }).ToList();
        var theatres = hospitals.SelectMany(h => new[] { "OT 1", "OT 2" }
            .Select(n => new ScheduleResource { Kind = ResourceKind.Theatre, Name = n, SiteId = h.Id, Version = Guid.CreateVersion7() })).ToList();
        db.ScheduleResources.AddRange(new[] { mehta, rao, nurse }.Concat(anaesthetists.Select(a => a.Resource)).Concat(rooms).Concat(theatres));

        // Weekly availability, valid from a year back (so the history fits it too).
        var validFrom = today.AddYears(-1);
        var weekly = new List<WeeklyAvailability>();
        void Weekly(ScheduleResource who, Site site, TimeOnly start, TimeOnly end, params DayOfWeek[] days) =>
            weekly.AddRange(days.Select(d => new WeeklyAvailability
            {
                ResourceId = who.Id, SiteId = site.Id, Day = d, StartTime = start, EndTime = end, ValidFrom = validFrom, Version = Guid.CreateVersion7(),
            }));
        DayOfWeek[] monToSat = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];
        Weekly(mehta, clinic, new(9, 30), new(13, 30), monToSat);
        Weekly(mehta, clinic, new(15, 0), new(18, 0), DayOfWeek.Monday, DayOfWeek.Wednesday);
        Weekly(nurse, clinic, new(9, 30), new(13, 30), monToSat);
        Weekly(rao, clinic, new(14, 0), new(18, 0), DayOfWeek.Thursday);
        var operatingDays = new[] { DayOfWeek.Wednesday, DayOfWeek.Friday };
        for (var i = 0; i < hospitals.Count; i++)
        {
            Weekly(rao, hospitals[i], new(8, 0), new(17, 0), operatingDays[i % operatingDays.Length]);
            Weekly(anaesthetists[i].Resource, hospitals[i], new(8, 0), new(17, 0), operatingDays[i % operatingDays.Length]);
        }

        db.WeeklyAvailabilities.AddRange(weekly);

        // A day's leave and an extra theatre list next week; the holidays the practice closes on.
        var exceptions = new List<AvailabilityException>
        {
            new()
            {
                ResourceId = mehta.Id, Date = monday.AddDays(11), Kind = AvailabilityExceptionKind.Leave,
                Reason = "Movement disorders conference (synthetic).", Version = Guid.CreateVersion7(),
            },
        };
        if (hospitals.Count > 0)
        {
            foreach (var who in new[] { rao, anaesthetists[0].Resource })
            {
                exceptions.Add(new AvailabilityException
                {
                    ResourceId = who.Id, SiteId = hospitals[0].Id, Date = monday.AddDays(7), StartTime = new(8, 0), EndTime = new(13, 0),
                    Kind = AvailabilityExceptionKind.ExtraSession, Reason = "Extra theatre list (synthetic).", Version = Guid.CreateVersion7(),
                });
            }
        }

        db.AvailabilityExceptions.AddRange(exceptions);
        var holidays = Holidays(today.AddDays(-60), today.AddDays(200))
            .Select(h => new Holiday { Date = h.Date, Name = h.Name, Version = Guid.CreateVersion7() }).ToList();
        db.Holidays.AddRange(holidays);
        await AddContactPreferencesAsync(db, audit, rng, now, staff.DeskUserId, ct);
        await db.SaveChangesAsync(ct);

        var pools = await PoolsAsync(db, rng, today, ct);
        var sessions = Sessions(weekly, exceptions, holidays, monday, lastDay);
        var siteOf = sites.ToDictionary(s => s.Id);
        // The times taken, per resource and per patient (nobody is in two places at once).
        var busy = new Dictionary<Guid, List<(DateTime Start, DateTime End)>>();
        bool Free(Guid id, DateTime start, DateTime end) =>
            !busy.TryGetValue(id, out var list) || !list.Any(b => b.Start < end && start < b.End);
        void Hold(Guid id, DateTime start, DateTime end)
        {
            if (!busy.TryGetValue(id, out var list))
            {
                busy[id] = list = [];
            }

            list.Add((start, end));
        }

        var appointments = new List<Appointment>();
        var tally = new Tally();
        var cases = 0;

        // Outside anaesthetists have no list of their own: they join the surgeon's theatre appointments.
        var outside = anaesthetists.Select(a => a.Resource.Id).ToHashSet();
        foreach (var session in sessions.Where(s => !outside.Contains(s.PractitionerId)).OrderBy(s => s.Date).ThenBy(s => s.Start).ThenBy(s => s.PractitionerId))
        {
            var site = siteOf[session.SiteId];
            var nextWeek = session.Date >= monday.AddDays(7);
            var cursor = session.Start;
            var index = 0;
            while (cursor < session.End)
            {
                var (code, patientPool) = Choose(session, site, rao, nurse, cursor, index, rng);
                if (code is null)
                {
                    cursor = cursor.AddMinutes(30);
                    continue;
                }

                var type = types[code];
                var end = cursor.AddMinutes(type.DefaultMinutes);
                if (end > session.End || end < cursor)
                {
                    break;
                }

                var startUtc = VisitTime.ToUtc(session.Date, cursor, site.TimeZoneId);
                var endUtc = VisitTime.ToUtc(session.Date, end, site.TimeZoneId);
                if (startUtc is null || endUtc is null || !Free(session.PractitionerId, startUtc.Value, endUtc.Value))
                {
                    cursor = cursor.AddMinutes(5);
                    continue;
                }

                var room = type.NeedsRoom ? rooms.FirstOrDefault(r => r.SiteId == site.Id && Free(r.Id, startUtc.Value, endUtc.Value)) : null;
                var theatre = type.NeedsTheatre ? theatres.FirstOrDefault(t => t.SiteId == site.Id && Free(t.Id, startUtc.Value, endUtc.Value)) : null;
                var anaesthetist = type.NeedsAnaesthetist
                    ? anaesthetists.Where(a => a.Hospital.Id == site.Id && Free(a.Resource.Id, startUtc.Value, endUtc.Value)).Select(a => a.Resource).FirstOrDefault()
                    : null;
                if ((type.NeedsRoom && room is null) || (type.NeedsTheatre && theatre is null) || (type.NeedsAnaesthetist && anaesthetist is null))
                {
                    cursor = cursor.AddMinutes(5);
                    continue;
                }

                var patientId = pools.Take(patientPool(pools), p => Free(p, startUtc.Value, endUtc.Value));
                if (patientId == Guid.Empty)
                {
                    break;
                }

                var appointment = new Appointment
                {
                    PatientId = patientId,
                    TypeId = type.Id,
                    SiteId = site.Id,
                    PractitionerId = session.PractitionerId,
                    RoomId = room?.Id,
                    TheatreId = theatre?.Id,
                    AnaesthetistId = anaesthetist?.Id,
                    StartUtc = startUtc.Value,
                    EndUtc = endUtc.Value,
                    Source = code == AppointmentTypeSeed.MvdSurgery ? AppointmentSource.Surgery : (AppointmentSource)rng.Next(0, 2),
                    Note = code == AppointmentTypeSeed.TeleConsultation ? "Video call; link sent by SMS (synthetic)." : null,
                    CreatedAtUtc = Earlier(startUtc.Value.AddDays(-rng.Next(2, 40)), now.AddDays(-1)),
                    CreatedBy = staff.DeskUserId,
                    Version = Guid.CreateVersion7(),
                };
                appointment.UpdatedAtUtc = appointment.CreatedAtUtc;
                SetStatus(appointment, now, site, rng, tally);
                if (code == AppointmentTypeSeed.MvdSurgery && theatre is not null)
                {
                    appointment.MvdCaseId = AddCase(db, audit, clock, rng, appointment, site, theatre.Name, anaesthetist!.Name, staff, now);
                    cases++;
                }

                db.Appointments.Add(appointment);
                appointments.Add(appointment);
                audit.Record(AuditAction.AppointmentBooked, "Appointment", appointment.Id.ToString(), patientId, detail: "synthetic demo data");
                foreach (var id in new Guid?[] { patientId, session.PractitionerId, room?.Id, theatre?.Id, anaesthetist?.Id }.OfType<Guid>())
                {
                    Hold(id, appointment.StartUtc, appointment.EndUtc);
                }

                cursor = end;
                index++;

                // Leave some time free (more of it next week), so that there is something to book.
                if (rng.NextDouble() < (nextWeek ? 0.4 : 0.2))
                {
                    cursor = cursor.AddMinutes(15 * rng.Next(1, 3));
                }
            }
        }

        foreach (var appointment in appointments.Where(a => a.Status == AppointmentStatus.Booked && a.StartUtc > now))
        {
            await reminders.ScheduleAsync(db, appointment, ct);
        }

        await db.SaveChangesAsync(ct);
        return new Result(appointments.Count, cases, monday, lastDay);
    }

    /// <summary>The type of the next appointment in a session, and the patients it is for.</summary>
    private static (string? Code, Func<Pools, List<Guid>> Pool) Choose(Session session, Site site, ScheduleResource rao, ScheduleResource nurse,
        TimeOnly at, int index, Random rng)
    {
        var roll = rng.NextDouble();
        if (session.PractitionerId == rao.Id)
        {
            if (site.Kind == SiteKind.Hospital)
            {
                // Theatre lists start at 08:30 and 12:30; the end of the day is for tele-consultations with operated patients.
                return at < new TimeOnly(8, 30) ? (null, p => p.Any)
                    : at < new TimeOnly(13, 0) && index < 2 ? (AppointmentTypeSeed.MvdSurgery, p => p.FollowUp)
                    : at < new TimeOnly(16, 0) ? (null, p => p.Any)
                    : (AppointmentTypeSeed.TeleConsultation, p => p.PostOp);
            }

            return roll switch
            {
                < 0.5 => (AppointmentTypeSeed.PostOperativeReview, p => p.PostOp),
                < 0.85 => (AppointmentTypeSeed.NewConsultation, p => p.New),
                _ => (AppointmentTypeSeed.TeleConsultation, p => p.PostOp),
            };
        }

        if (session.PractitionerId == nurse.Id)
        {
            // The nurse reviews recent injections, at the clinic or by a call.
            return roll < 0.85 ? (AppointmentTypeSeed.FollowUp, p => p.Review) : (AppointmentTypeSeed.TeleConsultation, p => p.Review);
        }

        if (session.Start < new TimeOnly(12, 0)
            && session.Date.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Saturday)
        {
            return roll < 0.85 ? (AppointmentTypeSeed.InjectionVisit, p => p.Injection) : (AppointmentTypeSeed.FollowUp, p => p.FollowUp);
        }

        return roll switch
        {
            < 0.35 => (AppointmentTypeSeed.NewConsultation, p => p.New),
            < 0.88 => (AppointmentTypeSeed.FollowUp, p => p.FollowUp),
            _ => (AppointmentTypeSeed.TeleConsultation, p => p.FollowUp),
        };
    }

    /// <summary>
    /// Each practitioner's sessions on each day: the weekly pattern in force that day, less holidays (of the site or of
    /// every site) and whole-day leave, plus extra sessions.
    /// </summary>
    private static List<Session> Sessions(List<WeeklyAvailability> weekly, List<AvailabilityException> exceptions, List<Holiday> holidays,
        DateOnly from, DateOnly to)
    {
        var sessions = new List<Session>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var date = day;
            bool Closed(Guid siteId) => holidays.Any(h => h.Date == date && (h.SiteId is null || h.SiteId == siteId));
            bool OnLeave(Guid who, Guid siteId) => exceptions.Any(e => e.Kind == AvailabilityExceptionKind.Leave && e.ResourceId == who
                && e.Date == date && (e.SiteId is null || e.SiteId == siteId));
            sessions.AddRange(weekly
                .Where(w => w.Day == date.DayOfWeek && w.ValidFrom <= date && (w.ValidUntil is null || w.ValidUntil >= date))
                .Where(w => !Closed(w.SiteId) && !OnLeave(w.ResourceId, w.SiteId))
                .Select(w => new Session(w.ResourceId, w.SiteId, date, w.StartTime, w.EndTime)));
            sessions.AddRange(exceptions
                .Where(e => e.Kind == AvailabilityExceptionKind.ExtraSession && e.Date == date && e.SiteId is { } s && !Closed(s))
                .Select(e => new Session(e.ResourceId, e.SiteId!.Value, date, e.StartTime!.Value, e.EndTime!.Value)));
        }

        return sessions;
    }

    /// <summary>
    /// Days the practice closes: the national holidays, Maharashtra's own days and Christmas on their fixed dates, and
    /// Diwali (Lakshmi Puja) in the years listed (it follows the lunar calendar).
    /// </summary>
    public static IEnumerable<(DateOnly Date, string Name)> Holidays(DateOnly from, DateOnly to)
    {
        var days = new List<(DateOnly Date, string Name)>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            days.Add((new DateOnly(year, 1, 26), "Republic Day"));
            days.Add((new DateOnly(year, 2, 19), "Chhatrapati Shivaji Maharaj Jayanti"));
            days.Add((new DateOnly(year, 4, 14), "Dr Babasaheb Ambedkar Jayanti"));
            days.Add((new DateOnly(year, 5, 1), "Maharashtra Day"));
            days.Add((new DateOnly(year, 8, 15), "Independence Day"));
            days.Add((new DateOnly(year, 10, 2), "Gandhi Jayanti"));
            days.Add((new DateOnly(year, 12, 25), "Christmas"));
        }

        days.Add((new DateOnly(2026, 11, 8), "Diwali (Lakshmi Puja)"));
        days.Add((new DateOnly(2027, 10, 29), "Diwali (Lakshmi Puja)"));
        return days.Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date);
    }

    private sealed class Tally
    {
        public int Past { get; set; }
    }

    /// <summary>Past appointments completed (the 6th and 19th of them no-shows), today's arrivals checked in, later ones booked, a few cancelled.</summary>
    private static void SetStatus(Appointment a, DateTime now, Site site, Random rng, Tally tally)
    {
        var surgery = a.Source == AppointmentSource.Surgery;
        var today = DateOnly.FromDateTime(VisitTime.Local(now, site.TimeZoneId)) == DateOnly.FromDateTime(VisitTime.Local(a.StartUtc, site.TimeZoneId));
        if (!surgery && rng.NextDouble() < 0.05)
        {
            a.Status = AppointmentStatus.Cancelled;
            a.CancelReason = CancelReasons[rng.Next(CancelReasons.Length)];
            a.CancelledAtUtc = a.CreatedAtUtc.AddTicks((Earlier(a.StartUtc, now) - a.CreatedAtUtc).Ticks / 2);
            a.UpdatedAtUtc = a.CancelledAtUtc.Value;
        }
        else if (a.EndUtc <= now)
        {
            tally.Past++;
            if (!surgery && tally.Past is 6 or 19)
            {
                a.Status = AppointmentStatus.NoShow;
                a.NoShowAtUtc = a.StartUtc.AddMinutes(30);
                a.UpdatedAtUtc = a.NoShowAtUtc.Value;
                return;
            }

            a.Status = AppointmentStatus.Completed;
            a.CheckedInAtUtc = a.StartUtc.AddMinutes(-rng.Next(5, 25));
            a.CompletedAtUtc = a.EndUtc;
            a.UpdatedAtUtc = a.EndUtc;
        }
        else if (today && a.StartUtc <= now.AddMinutes(20))
        {
            // Arrived: in the room now, or in the waiting room for the next slot.
            a.Status = AppointmentStatus.CheckedIn;
            a.CheckedInAtUtc = Earlier(a.StartUtc.AddMinutes(-10), now);
            a.UpdatedAtUtc = a.CheckedInAtUtc.Value;
        }
        else
        {
            a.Status = AppointmentStatus.Booked;
        }
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Most patients who agreed to be contacted take SMS reminders (some email too); a few said no.</summary>
    private static async Task AddContactPreferencesAsync(SpasmCareDbContext db, AuditLog audit, Random rng, DateTime now, Guid deskUserId, CancellationToken ct)
    {
        var patients = await db.Patients.AsNoTracking().Where(p => p.IsActive && p.ContactConsent)
            .OrderBy(p => p.Mrn).Select(p => new { p.Id, HasEmail = p.Email != null }).ToListAsync(ct);
        foreach (var patient in patients)
        {
            var roll = rng.NextDouble();
            if (roll < 0.05)
            {
                continue;
            }

            var at = now.AddDays(-rng.Next(1, 400));
            var smsIn = roll >= 0.12;
            db.ContactPreferences.Add(new ContactPreference
            {
                PatientId = patient.Id, Channel = MessageChannel.Sms, OptedIn = smsIn, Source = ContactPreferenceSource.Staff,
                ChangedAtUtc = at, ChangedBy = deskUserId, Version = Guid.CreateVersion7(),
            });
            audit.Record(AuditAction.ContactPreferenceChanged, "Patient", patient.Id.ToString(), patient.Id, detail: "synthetic demo data");
            if (patient.HasEmail && rng.NextDouble() < 0.5)
            {
                db.ContactPreferences.Add(new ContactPreference
                {
                    PatientId = patient.Id, Channel = MessageChannel.Email, OptedIn = smsIn || rng.NextDouble() < 0.5, Source = ContactPreferenceSource.Staff,
                    ChangedAtUtc = at, ChangedBy = deskUserId, Version = Guid.CreateVersion7(),
                });
            }
        }
    }

    /// <summary>
    /// Patients for each kind of appointment: toxin patients most overdue first for injections, the most recently
    /// injected for the nurse's reviews, patients with a
    /// clinical history for follow-ups, operated patients for reviews, everyone else for new consultations.
    /// </summary>
    private static async Task<Pools> PoolsAsync(SpasmCareDbContext db, Random rng, DateOnly today, CancellationToken ct)
    {
        var lastInjections = await db.InjectionSessions.AsNoTracking()
            .GroupBy(s => s.PatientId).Select(g => new { PatientId = g.Key, Last = g.Max(s => s.InjectedAtUtc), Count = g.Count() })
            .ToListAsync(ct);
        var injection = lastInjections.OrderBy(s => s.Last).Select(s => s.PatientId).ToList();
        var withVisits = await db.Visits.AsNoTracking().Select(v => v.PatientId).Distinct().ToListAsync(ct);
        var operated = await db.MvdCases.AsNoTracking().Select(c => c.PatientId).Distinct().ToListAsync(ct);
        var dueFollowUps = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.Kind == FollowUpKind.MvdFollowUp && t.Status == FollowUpStatus.Open && t.DueFrom <= today.AddDays(14))
            .OrderBy(t => t.DueFrom).Select(t => t.PatientId).ToListAsync(ct);
        var everyone = await db.Patients.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Mrn).Select(p => p.Id).ToListAsync(ct);
        var known = injection.Concat(withVisits).Concat(operated).ToHashSet();

        // Those with many cycles are the ones a surgeon would see about MVD; they come last for injections.
        var candidates = lastInjections.Where(s => s.Count >= 5).OrderByDescending(s => s.Count).Select(s => s.PatientId).ToList();
        var followUp = candidates.Concat(withVisits).Concat(injection.AsEnumerable().Reverse()).Distinct().ToList();
        var recent = today.AddDays(-45).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new Pools(rng)
        {
            Injection = injection.Except(candidates.Take(12)).ToList(),
            Review = lastInjections.Where(s => s.Last >= recent).OrderByDescending(s => s.Last).Select(s => s.PatientId).Concat(followUp).ToList(),
            FollowUp = followUp,
            PostOp = dueFollowUps.Concat(operated).Distinct().ToList(),
            New = everyone.Where(p => !known.Contains(p)).ToList(),
            Any = everyone,
        };
    }

    /// <summary>
    /// The MVD case behind a theatre appointment: referred, worked up and booked for the appointment's slot; when the
    /// slot is already over, operated (lateral spread response gone) with its follow-ups scheduled, and discharged after
    /// two nights.
    /// </summary>
    private static Guid AddCase(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, Random rng, Appointment appointment, Site hospital,
        string theatre, string anaesthetist, Staff staff, DateTime now)
    {
        var operatedOn = DateOnly.FromDateTime(VisitTime.Local(appointment.StartUtc, hospital.TimeZoneId));
        var referredOn = operatedOn.AddDays(-rng.Next(40, 80));
        var side = rng.Next(2) == 0 ? AffectedSide.Left : AffectedSide.Right;
        var patientId = appointment.PatientId;
        var study = new ImagingStudy
        {
            PatientId = patientId,
            Modality = ImagingModality.MriWithMra,
            StudyDate = referredOn.AddDays(-rng.Next(10, 40)),
            Centre = "Synthetic Imaging Centre, Dadar",
            Sequences = ImagingSequences.Ciss3D | ImagingSequences.TofMra,
            NeurovascularContact = true,
            ContactSide = side,
            ContactSite = ContactSite.RootExitZone,
            Vessels = OffendingVessels.Aica,
            CompressionSites = 1,
            Indentation = true,
            Impression = "Synthetic report: AICA in contact with the root exit zone of the facial nerve on the symptomatic side.",
            Version = Guid.CreateVersion7(),
        };
        db.ImagingStudies.Add(study);
        audit.Record(AuditAction.ImagingRecorded, "ImagingStudy", study.Id.ToString(), patientId, detail: "synthetic demo data");
        var mvdCase = new MvdCase
        {
            PatientId = patientId,
            Status = MvdCaseStatus.Booked,
            Side = side,
            ReferredAtUtc = clock.ToUtc(referredOn).AddHours(11),
            ReferredBy = staff.NeurologistUserId,
            ReferredByName = "Dr Anjali Mehta",
            Indication = "Hemifacial spasm with a shortening benefit from botulinum toxin; neurovascular contact on MRI. Synthetic demo referral.",
            SmcGradeAtReferral = rng.Next(2, 5),
            Hfs7AtReferral = rng.Next(10, 24),
            ImagingStudyId = study.Id,
            ImagingFinding = "Neurovascular contact, root exit zone, AICA",
            ImagingShowsContact = true,
            AudiogramOn = referredOn.AddDays(7),
            AudiogramResult = "Normal hearing both sides (synthetic).",
            BaepBaselineOn = referredOn.AddDays(7),
            AnaesthesiaFitOn = operatedOn.AddDays(-14),
            AnaesthesiaNote = "ASA II; fit for general anaesthesia (synthetic).",
            ConsentOn = operatedOn.AddDays(-14),
            ConsentTakenBy = staff.SurgeonName,
            RisksDiscussed = MvdConsentRisks.All,
            MedicationsToStop = "None (synthetic).",
            MedicationsReviewed = true,
            HospitalSiteId = hospital.Id,
            Theatre = theatre,
            ScheduledStartUtc = appointment.StartUtc,
            ScheduledMinutes = (int)(appointment.EndUtc - appointment.StartUtc).TotalMinutes,
            SurgeonId = staff.SurgeonUserId,
            SurgeonName = staff.SurgeonName,
            AssistantName = "Dr Neha Kulkarni (synthetic)",
            AnaesthetistName = anaesthetist,
            Version = Guid.CreateVersion7(),
        };
        db.MvdCases.Add(mvdCase);
        audit.Record(AuditAction.MvdReferred, "MvdCase", mvdCase.Id.ToString(), patientId, detail: "synthetic demo data");
        audit.Record(AuditAction.MvdBooked, "MvdCase", mvdCase.Id.ToString(), patientId, detail: "synthetic demo data");
        if (appointment.Status != AppointmentStatus.Completed)
        {
            return mvdCase.Id;
        }

        var start = appointment.StartUtc;
        mvdCase.Status = MvdCaseStatus.Operated;
        mvdCase.AdmittedAtUtc = clock.ToUtc(operatedOn.AddDays(-1)).AddHours(16);
        var discharge = clock.ToUtc(operatedOn.AddDays(2)).AddHours(11);
        if (discharge <= now)
        {
            mvdCase.Status = MvdCaseStatus.Discharged;
            mvdCase.DischargedAtUtc = discharge;
            mvdCase.DischargeSummary = "Uneventful recovery; wound clean; walking independently. Synthetic demo summary.";
        }

        var minutes = rng.Next(120, 175);
        var operation = new MvdOperation
        {
            CaseId = mvdCase.Id,
            PatientId = patientId,
            StartedAtUtc = start,
            EndedAtUtc = start.AddMinutes(minutes),
            Side = side,
            Approach = SurgicalApproach.Retrosigmoid,
            SurgeonName = staff.SurgeonName,
            Vessels = OffendingVessels.Aica,
            CompressionSite = ContactSite.RootExitZone,
            CompressionSites = 1,
            Indentation = true,
            Technique = DecompressionTechnique.Interposition,
            Implant = "Teflon felt",
            LsrBaselinePresent = true,
            LsrBaselineAmplitudeUv = rng.Next(80, 400),
            LsrBaselineLatencyMs = 10m,
            LsrFinal = LsrFinalStatus.Disappeared,
            LsrDisappearedAtUtc = start.AddMinutes(minutes - 40),
            Notes = "Retrosigmoid craniectomy; AICA mobilised from the root exit zone and Teflon interposed. Synthetic demo note.",
            Version = Guid.CreateVersion7(),
        };
        db.MvdOperations.Add(operation);
        audit.Record(AuditAction.MvdOperationRecorded, "MvdOperation", operation.Id.ToString(), patientId, detail: "synthetic demo data");
        MvdFollowUpTasks.Schedule(db, mvdCase, hospital.Id, operatedOn);
        return mvdCase.Id;
    }
}
