using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;
using Slots = SpasmCare.Clinical.Scheduling;

namespace SpasmCare.Tests.Hosting;

/// <summary>First start with demo data: synthetic patients, three sites, one account per role.</summary>
public abstract class StartupTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    protected TFactory App => app;

    [Fact]
    public async Task FirstStart_WithDemo_Seeds300SyntheticPatientsWithMixedDetails()
    {
        var patients = await app.WithDbAsync(db => db.Patients.AsNoTracking().ToListAsync());

        Assert.Equal(300, patients.Count);
        Assert.Equal(300, patients.Select(p => p.Mrn).Distinct().Count());
        Assert.Contains(patients, p => p.Sex == Sex.Female);
        Assert.Contains(patients, p => p.Sex == Sex.Male);
        Assert.Contains(patients, p => p.AbhaNumber is not null);
        Assert.Contains(patients, p => p.AbhaNumber is null);
        Assert.Equal(3, patients.Select(p => p.PreferredLanguage).Distinct().Count());
        Assert.True(patients.Max(p => p.BirthDate).Year - patients.Min(p => p.BirthDate).Year > 30);
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsAClinicAndTwoHospitalsWithTheatres()
    {
        var sites = await app.WithDbAsync(db => db.Sites.AsNoTracking().ToListAsync());

        Assert.Single(sites, s => s.Kind == SiteKind.Clinic);
        Assert.Equal(2, sites.Count(s => s.Kind == SiteKind.Hospital && s.HasOperatingTheatre));
        Assert.All(sites, s => Assert.Equal("Asia/Kolkata", s.TimeZoneId));
    }

    [Fact]
    public async Task FirstStart_CreatesAnAccountPerRoleThatMustChangeItsPassword()
    {
        var roles = await app.WithDbAsync(db => db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync());
        var users = await app.WithDbAsync(db => db.Users.AsNoTracking().ToListAsync());

        // One account per role, and a second doctor: the neurosurgeon who operates the demo MVD cases.
        Assert.Equal(Roles.All.Order(), roles.Distinct().Order());
        Assert.Equal(Roles.All.Count + 1, users.Count);
        Assert.Equal(2, roles.Count(r => r == Roles.Doctor));
        Assert.All(users, u => Assert.True(u.MustChangePassword));
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsToxinCyclesFromRealVialsWithARecalledLotAndWaningResponders()
    {
        var (sessions, vials, entries, recalls) = await app.WithDbAsync(async db => (
            await db.InjectionSessions.AsNoTracking().ToListAsync(),
            await db.ToxinVials.AsNoTracking().ToListAsync(),
            await db.ToxinVialEntries.AsNoTracking().ToListAsync(),
            await db.ToxinLotRecalls.AsNoTracking().ToListAsync()));

        var cycles = sessions.GroupBy(s => s.PatientId).Select(g => g.Count()).ToList();
        Assert.Equal(60, cycles.Count);
        Assert.Equal(20, cycles.Max());
        Assert.Equal(1, cycles.Min());

        // Every unit is accounted for in the ledger, and no vial gave more than it held.
        Assert.All(vials, v =>
        {
            Assert.True(v.UnitsDrawn + v.UnitsWasted <= v.UnitsPerVial, $"vial {v.Id} overdrawn");
            Assert.Equal(v.UnitsDrawn, entries.Where(e => e.VialId == v.Id && e.Kind == VialEntryKind.Draw).Sum(e => e.Units));
        });
        var recalled = Assert.Single(recalls);
        Assert.Contains(vials, v => v.LotNumber == recalled.LotNumber && v.UnitsDrawn > 0);

        // The real rules find the two waning responders and the one who never responded.
        await using var scope = app.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<ToxinHistory.Query>();
        var flagged = new List<NonResponseAssessment>();
        foreach (var patientId in sessions.Select(s => s.PatientId).Distinct())
        {
            flagged.Add((await history.ForPatientAsync(patientId, TestContext.Current.CancellationToken)).Assessment);
        }

        Assert.True(flagged.Count(a => a.PossibleSecondaryNonResponse) >= 2, "expected at least two possible secondary non-responders");
        Assert.Contains(flagged, a => a.PrimaryNonResponse);
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsMvdCasesWithFollowUpsComplicationsAndARedo()
    {
        var (cases, operations, followUps, tasks) = await app.WithDbAsync(async db => (
            await db.MvdCases.AsNoTracking().ToListAsync(),
            await db.MvdOperations.AsNoTracking().ToListAsync(),
            await db.MvdFollowUps.AsNoTracking().ToListAsync(),
            await db.FollowUpTasks.AsNoTracking().Where(t => t.Kind == FollowUpKind.MvdFollowUp).ToListAsync()));

        Assert.True(cases.Count >= 30, $"expected a few dozen cases, got {cases.Count}");
        Assert.Equal(cases.Count(c => c.Status != MvdCaseStatus.Booked), operations.Count);
        var redo = Assert.Single(cases, c => c.RedoOfCaseId is not null);
        Assert.NotNull(Assert.Single(cases, c => c.Id == redo.RedoOfCaseId).RecurredOn);
        Assert.Contains(followUps, f => f.SpasmStatus == SpasmStatus.Gone);
        Assert.Contains(followUps, f => f.SpasmStatus is SpasmStatus.AboutHalf or SpasmStatus.NinetyPercentBetter);
        Assert.All(followUps, f => Assert.Contains(tasks, t => t.ResultId == f.Id && t.Status == FollowUpStatus.Done));
        Assert.DoesNotContain(cases.GroupBy(c => (c.HospitalSiteId, c.Theatre, c.ScheduledStartUtc)), g => g.Count() > 1);
    }

    [Fact]
    public async Task FirstStart_WithDemo_FillsThisWeeksAndNextWeeksCalendarAtEverySiteInsideAvailabilityWithoutOverlaps()
    {
        var (sites, resources, weekly, exceptions, holidays, types, appointments) = await app.WithDbAsync(async db => (
            await db.Sites.AsNoTracking().ToListAsync(),
            await db.ScheduleResources.AsNoTracking().ToListAsync(),
            await db.WeeklyAvailabilities.AsNoTracking().ToListAsync(),
            await db.AvailabilityExceptions.AsNoTracking().ToListAsync(),
            await db.Holidays.AsNoTracking().ToListAsync(),
            await db.AppointmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Id),
            await db.Appointments.AsNoTracking().ToListAsync()));
        // The demo's clock (the app factory's fake one) when it was seeded: this week and the next, from Monday.
        var now = app.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(VisitTime.Local(now, sites.Single(s => s.Kind == SiteKind.Clinic).TimeZoneId));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var zone = sites.ToDictionary(s => s.Id, s => s.TimeZoneId);
        var resource = resources.ToDictionary(r => r.Id);
        DateOnly LocalDate(Appointment a) => DateOnly.FromDateTime(VisitTime.Local(a.StartUtc, zone[a.SiteId]));

        // The demo's resources: three staff practitioners, an outside anaesthetist per hospital, rooms at the clinic, theatres at the hospitals.
        Assert.Equal(3, resources.Count(r => r.Kind == ResourceKind.Practitioner && r.UserId is not null));
        Assert.All(sites.Where(s => s.HasOperatingTheatre), s =>
        {
            Assert.Contains(resources, r => r.Role == PractitionerRole.Anaesthetist && r.UserId is null && weekly.Any(w => w.ResourceId == r.Id && w.SiteId == s.Id));
            Assert.Equal(2, resources.Count(r => r.Kind == ResourceKind.Theatre && r.SiteId == s.Id));
        });
        Assert.Equal(3, resources.Count(r => r.Kind == ResourceKind.Room && r.SiteId == sites.Single(s => s.Kind == SiteKind.Clinic).Id));
        Assert.Contains(holidays, h => h.Date == new DateOnly(2026, 12, 25) && h.Name == "Christmas");
        Assert.Contains(holidays, h => h.Date == new DateOnly(2027, 1, 26) && h.Name == "Republic Day");
        Assert.Contains(exceptions, e => e.Kind == AvailabilityExceptionKind.Leave && e.Date >= monday);
        Assert.Contains(exceptions, e => e.Kind == AvailabilityExceptionKind.ExtraSession && e.Date >= monday);

        // The real availability rules (weekly pattern, holidays, leave, extra sessions) for a practitioner at a site.
        Slots.SlotQuery QueryFor(Guid who, Guid siteId, int minutes) => new()
        {
            Zone = VisitTime.Zone(zone[siteId]),
            From = monday,
            To = monday.AddDays(13),
            Minutes = minutes,
            Weekly = weekly.Where(w => w.ResourceId == who && w.SiteId == siteId)
                .Select(w => new Slots.WeeklySession(w.Day, w.StartTime, w.EndTime, w.ValidFrom, w.ValidUntil)).ToList(),
            Leaves = exceptions.Where(e => e.Kind == AvailabilityExceptionKind.Leave && e.ResourceId == who && (e.SiteId is null || e.SiteId == siteId))
                .Select(e => new Slots.Leave(e.Date, e.StartTime, e.EndTime)).ToList(),
            Extras = exceptions.Where(e => e.Kind == AvailabilityExceptionKind.ExtraSession && e.ResourceId == who && e.SiteId == siteId)
                .Select(e => new Slots.ExtraSession(e.Date, e.StartTime!.Value, e.EndTime!.Value)).ToList(),
            Holidays = holidays.Where(h => h.SiteId is null || h.SiteId == siteId).Select(h => h.Date).ToHashSet(),
        };
        var practitioners = resources.Where(r => r.Kind == ResourceKind.Practitioner).ToList();
        bool Works(Guid siteId, DateOnly day) => practitioners.Any(p => Slots.Availability.Windows(day, QueryFor(p.Id, siteId, 15)).Count > 0);

        // Every working day of this week and the next has appointments at every site that works that day.
        var active = appointments.Where(a => a.Status != AppointmentStatus.Cancelled).ToList();
        for (var day = monday; day < monday.AddDays(14); day = day.AddDays(1))
        {
            foreach (var siteId in sites.Select(s => s.Id).Where(s => Works(s, day)))
            {
                Assert.True(active.Any(a => a.SiteId == siteId && LocalDate(a) == day), $"no appointment at {siteId} on {day}");
            }
        }

        Assert.Equal(3, active.Where(a => LocalDate(a) >= monday && LocalDate(a) < monday.AddDays(14)).Select(a => a.SiteId).Distinct().Count());

        // Each appointment lies inside a session of its practitioner (and of its anaesthetist) at its site, with resources of that site.
        Assert.All(active, a =>
        {
            foreach (var who in new[] { a.PractitionerId, a.AnaesthetistId }.OfType<Guid>())
            {
                Assert.True(Slots.Availability.WithinHours(QueryFor(who, a.SiteId, (int)(a.EndUtc - a.StartUtc).TotalMinutes), a.StartUtc),
                    $"{resource[who].Name} booked outside their hours at {a.StartUtc:o}");
            }

            var type = types[a.TypeId];
            Assert.Equal(type.DefaultMinutes, (a.EndUtc - a.StartUtc).TotalMinutes);
            Assert.Equal(type.NeedsRoom, a.RoomId is { } room && resource[room].Kind == ResourceKind.Room && resource[room].SiteId == a.SiteId);
            Assert.Equal(type.NeedsTheatre, a.TheatreId is { } theatre && resource[theatre].Kind == ResourceKind.Theatre && resource[theatre].SiteId == a.SiteId);
            Assert.Equal(type.NeedsAnaesthetist, a.AnaesthetistId is { } anaesthetist && resource[anaesthetist].Role == PractitionerRole.Anaesthetist);
            Assert.NotEqual(PractitionerRole.Anaesthetist, resource[a.PractitionerId].Role);
        });

        // No practitioner, room, theatre or anaesthetist is in two places at once.
        var holds = active.SelectMany(a => new[] { a.PractitionerId, a.RoomId, a.TheatreId, a.AnaesthetistId }.OfType<Guid>().Select(r => (Resource: r, a.StartUtc, a.EndUtc)));
        foreach (var group in holds.GroupBy(h => h.Resource))
        {
            var ordered = group.OrderBy(h => h.StartUtc).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].StartUtc >= ordered[i - 1].EndUtc, $"{resource[group.Key].Name} double-booked at {ordered[i].StartUtc:o}");
            }
        }

        foreach (var patient in active.GroupBy(a => a.PatientId))
        {
            var ordered = patient.OrderBy(a => a.StartUtc).ToList();
            Assert.All(ordered.Skip(1).Zip(ordered), pair => Assert.True(pair.First.StartUtc >= pair.Second.EndUtc, $"patient booked twice at {pair.First.StartUtc:o}"));
        }

        // Statuses follow the clock: nothing done in the future, nothing still booked in the past, check-ins only today.
        Assert.Equal(AppointmentTypeSeed.Defaults().Select(t => t.Code).Order(), active.Select(a => types[a.TypeId].Code).Distinct().Order());
        Assert.All(appointments.Where(a => a.Status is AppointmentStatus.Completed or AppointmentStatus.NoShow), a => Assert.True(a.EndUtc <= now));
        Assert.All(appointments.Where(a => a.Status == AppointmentStatus.Booked), a => Assert.True(a.EndUtc > now));
        Assert.All(appointments.Where(a => a.Status == AppointmentStatus.CheckedIn), a =>
        {
            Assert.Equal(today, LocalDate(a));
            Assert.True(a.CheckedInAtUtc <= now);
        });
        Assert.All(appointments.Where(a => a.Status == AppointmentStatus.Cancelled), a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.CancelReason));
            Assert.True(a.CancelledAtUtc <= now);
        });
        Assert.InRange(appointments.Count(a => a.Status == AppointmentStatus.NoShow), 1, 2);
        Assert.Contains(appointments, a => a.Status == AppointmentStatus.CheckedIn);
        Assert.Contains(appointments, a => a.Status == AppointmentStatus.Completed);
        Assert.True(appointments.Count(a => a.Status == AppointmentStatus.Booked) > 50, "expected a full calendar ahead");
        Assert.Contains(appointments, a => a.Status == AppointmentStatus.Cancelled && a.StartUtc > now);
        Assert.All(active.Where(a => types[a.TypeId].IsRemote), a => Assert.Null(a.RoomId));

        // Each booking is audited like one made at the desk.
        var audited = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAction.AppointmentBooked).Select(e => e.SubjectId).ToListAsync());
        Assert.Equal(appointments.Select(a => a.Id.ToString()).Order(), audited.Order());
    }

    [Fact]
    public async Task FirstStart_WithDemo_BookedAppointmentsAheadHaveRemindersInThePatientsLanguageOnChannelsTheyOptedInTo()
    {
        var (appointments, reminders, preferences, patients) = await app.WithDbAsync(async db => (
            await db.Appointments.AsNoTracking().ToListAsync(),
            await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MessageTemplates.AppointmentReminder).ToListAsync(),
            await db.ContactPreferences.AsNoTracking().ToListAsync(),
            await db.Patients.AsNoTracking().ToDictionaryAsync(p => p.Id)));
        var now = app.Time.GetUtcNow().UtcDateTime;
        bool OptedIn(Guid patientId, MessageChannel channel) =>
            patients[patientId].ContactConsent && preferences.Any(p => p.PatientId == patientId && p.Channel == channel && p.OptedIn);

        // Reminders only of appointments still booked ahead, due 2 days or 3 hours before, on an opted-in channel, in the patient's language.
        Assert.All(reminders, m =>
        {
            var a = Assert.Single(appointments, a => a.Id == m.AppointmentId);
            Assert.Equal((AppointmentStatus.Booked, a.PatientId, OutboxStatus.Pending), (a.Status, m.PatientId!.Value, m.Status));
            Assert.Contains(m.NextAttemptAtUtc, new[] { a.StartUtc.AddDays(-2), a.StartUtc.AddHours(-3) });
            Assert.True(m.NextAttemptAtUtc > now);
            Assert.True(OptedIn(a.PatientId, m.Channel), $"reminder on {m.Channel} without an opt-in");
            Assert.Equal(MessageTemplates.Code(patients[a.PatientId].PreferredLanguage), m.Language);
        });

        // Every booked appointment more than 3 hours ahead of a patient who takes SMS has its SMS reminder.
        var ahead = appointments.Where(a => a.Status == AppointmentStatus.Booked && a.StartUtc.AddHours(-3) > now).ToList();
        Assert.Contains(ahead, a => OptedIn(a.PatientId, MessageChannel.Sms));
        Assert.All(ahead.Where(a => OptedIn(a.PatientId, MessageChannel.Sms)), a =>
            Assert.Contains(reminders, m => m.AppointmentId == a.Id && m.Channel == MessageChannel.Sms && m.NextAttemptAtUtc == a.StartUtc.AddHours(-3)));
        Assert.Contains(reminders, m => m.Channel == MessageChannel.Email);
        Assert.Equal(new[] { "en", "hi", "mr" }, reminders.Select(m => m.Language).Distinct().Order());
    }

    [Fact]
    public async Task FirstStart_WithDemo_EveryBookedMvdCaseAheadHasItsTheatreAppointmentAndPatientsHaveContactPreferences()
    {
        var (cases, appointments, resources, surgery, preferences, patients) = await app.WithDbAsync(async db => (
            await db.MvdCases.AsNoTracking().ToListAsync(),
            await db.Appointments.AsNoTracking().Where(a => a.MvdCaseId != null).ToListAsync(),
            await db.ScheduleResources.AsNoTracking().ToDictionaryAsync(r => r.Id),
            await db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Code == AppointmentTypeSeed.MvdSurgery),
            await db.ContactPreferences.AsNoTracking().ToListAsync(),
            await db.Patients.AsNoTracking().ToDictionaryAsync(p => p.Id)));
        var now = app.Time.GetUtcNow().UtcDateTime;

        var ahead = cases.Where(c => c.Status == MvdCaseStatus.Booked && c.ScheduledStartUtc > now).ToList();
        Assert.True(ahead.Count >= 4, $"expected theatre lists on the coming operating days, got {ahead.Count} cases");
        Assert.All(ahead, c =>
        {
            var a = Assert.Single(appointments, a => a.MvdCaseId == c.Id);
            Assert.Equal(surgery.Id, a.TypeId);
            Assert.Equal(AppointmentStatus.Booked, a.Status);
            Assert.Equal((c.PatientId, c.HospitalSiteId, c.ScheduledStartUtc), (a.PatientId, (Guid?)a.SiteId, (DateTime?)a.StartUtc));
            Assert.Equal(c.ScheduledStartUtc!.Value.AddMinutes(c.ScheduledMinutes!.Value), a.EndUtc);
            Assert.Equal(c.Theatre, resources[a.TheatreId!.Value].Name);
            Assert.Equal(c.SurgeonId, resources[a.PractitionerId].UserId);
            Assert.Equal(c.AnaesthetistName, resources[a.AnaesthetistId!.Value].Name);
        });
        // A theatre appointment already done belongs to an operated case; one still to come to a booked case.
        Assert.All(appointments, a => Assert.Equal(
            a.Status == AppointmentStatus.Completed,
            Assert.Single(cases, c => c.Id == a.MvdCaseId).Status is MvdCaseStatus.Operated or MvdCaseStatus.Discharged));

        // Most patients who agreed to be contacted take SMS; some email too; a few said no; nobody else has an opt-in.
        var sms = preferences.Where(p => p.Channel == MessageChannel.Sms).ToList();
        var consenting = patients.Values.Count(p => p.ContactConsent);
        Assert.True(sms.Count(p => p.OptedIn) > consenting * 0.7, $"{sms.Count(p => p.OptedIn)} of {consenting} opted in to SMS");
        Assert.Contains(sms, p => !p.OptedIn);
        Assert.Contains(preferences, p => p.Channel == MessageChannel.Email && p.OptedIn && patients[p.PatientId].Email is not null);
        Assert.All(preferences.Where(p => p.OptedIn), p => Assert.True(patients[p.PatientId].ContactConsent));
    }

    [Fact]
    public async Task FirstStart_EveryDemoRegistrationIsAudited()
    {
        var registrations = await app.WithDbAsync(db => db.AuditEvents
            .CountAsync(e => e.Action == SpasmCare.Web.Auditing.AuditAction.PatientRegistered));

        Assert.Equal(300, registrations);
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsClinicalHistoriesScoredAndCodedByTheClinicalRules()
    {
        var (visits, exams, scores, imaging, diagnoses) = await app.WithDbAsync(async db => (
            await db.Visits.AsNoTracking().ToListAsync(),
            await db.Examinations.AsNoTracking().ToListAsync(),
            await db.ScaleScores.AsNoTracking().ToListAsync(),
            await db.ImagingStudies.AsNoTracking().ToListAsync(),
            await db.Diagnoses.AsNoTracking().ToListAsync()));

        Assert.Equal(40, diagnoses.Select(d => d.PatientId).Distinct().Count());
        Assert.Equal(40, exams.Count);
        Assert.True(visits.Count >= 80, $"expected several visits per patient, got {visits.Count}");
        Assert.All(exams, e => Assert.Empty(e.ReadFindings().Validate()));
        Assert.Contains(diagnoses, d => d.Icd10Cm is "G51.31" or "G51.32");
        Assert.Contains(scores, s => s.InstrumentCode == "HFS7");
        Assert.All(scores, s => Assert.Equal("Complete", s.Status));
        Assert.NotEmpty(imaging);

        // A patient's JRS improves once treatment starts, so the charts have something to show.
        var jrs = scores.Where(s => s.InstrumentCode == "JRS").GroupBy(s => s.PatientId)
            .Select(g => g.OrderBy(s => s.AssessedAtUtc).Select(s => s.Total!.Value).ToList()).Where(t => t.Count > 1).ToList();
        Assert.NotEmpty(jrs);
        Assert.All(jrs, totals => Assert.True(totals[^1] < totals[0]));

        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.ScaleScoreRecorded));
        Assert.Equal(scores.Count, audited);
    }

    [Fact]
    public async Task FirstStart_WithDemo_PublicDoctorsPageShowsTheDemoDoctorAndClinicHours()
    {
        var html = await app.CreateClient().GetStringAsync("/Clinic/Doctors", TestContext.Current.CancellationToken);

        Assert.Contains("Dr Anjali Mehta", html, StringComparison.Ordinal);
        Assert.Contains("Monday to Saturday, 9:30 to 18:00", html, StringComparison.Ordinal);
        Assert.Contains("<strong>hemifacial spasm</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Anonymous_Returns200()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePatientsApi()
    {
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/patients", json, StringComparison.Ordinal);
        Assert.Contains("\"RegisterPatient\"", json, StringComparison.Ordinal);
    }
}

public sealed class DemoSqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    protected override bool SeedDemo => true;
}

public sealed class DemoPostgresAppFactory() : AppFactory(DatabaseProvider.Postgres)
{
    protected override bool SeedDemo => true;
}

public sealed class StartupTestsOnSqlite(DemoSqliteAppFactory app) : StartupTests<DemoSqliteAppFactory>(app)
{
    [Fact]
    public async Task Sqlite_RunsInWalModeWithFullSynchronous()
    {
        var (mode, sync) = await App.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var m = await db.Database.ScalarAsync("PRAGMA journal_mode", CancellationToken.None);
            var s = await db.Database.ScalarAsync("PRAGMA synchronous", CancellationToken.None);
            return (m, s);
        });

        Assert.Equal("wal", mode);
        Assert.Equal("2", sync);
    }
}

[Trait("Category", "Postgres")]
public sealed class StartupTestsOnPostgres(DemoPostgresAppFactory app) : StartupTests<DemoPostgresAppFactory>(app);
