using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Scheduling.Appointments;

public abstract class AppointmentPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private Task<int> AppointmentsOfAsync(Guid practitionerId) =>
        app.WithDbAsync(db => db.Appointments.CountAsync(a => a.PractitionerId == practitionerId));

    private Task<Appointment> AppointmentAsync(Guid id) => app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<bool> AuditedAsync(AuditAction action, Guid id, AuditOutcome outcome = AuditOutcome.Succeeded) =>
        app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == action && e.SubjectId == id.ToString() && e.Outcome == outcome));

    [Fact]
    public async Task Book_ChosenFreeSlot_BooksWithARoomInTheSitesZoneAuditsAndShowsIt()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var clinic = await app.AddClinicAsync(rooms: 2);
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var date = app.Today().AddDays(1);

        var response = await desk.BookAsync(patientId, clinic, date, "09:00");

        var id = AppointmentTestData.IdOf(response);
        var saved = await AppointmentAsync(id);
        Assert.Equal((AppointmentStatus.Booked, patientId, clinic.SiteId), (saved.Status, saved.PatientId, saved.SiteId));
        Assert.Equal(date.ToDateTime(new TimeOnly(3, 30)), saved.StartUtc);
        Assert.Equal(saved.StartUtc.AddMinutes(20), saved.EndUtc);
        Assert.Equal(clinic.RoomIds[0], saved.RoomId);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.AppointmentBooked && e.SubjectId == id.ToString() && e.PatientId == patientId && e.Outcome == AuditOutcome.Succeeded)));
        var page = await (await desk.GetAsync($"/Appointments/{id}")).HtmlAsync();
        Assert.Contains("09:00–09:20", page, StringComparison.Ordinal);
        Assert.Contains("Asia/Kolkata", page, StringComparison.Ordinal);
        Assert.Contains("Room 1", page, StringComparison.Ordinal);
        Assert.Contains("Injection visit", page, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(AuditAction.AppointmentRead, id));

        // The second room is chosen for an overlapping booking with another practitioner at the site.
        var other = await app.WithDbAsync(async db =>
        {
            var p = new ScheduleResource { Kind = ResourceKind.Practitioner, Name = TestData.UniqueWord("Dr "), Role = PractitionerRole.Doctor };
            db.ScheduleResources.Add(p);
            db.WeeklyAvailabilities.Add(new WeeklyAvailability
            {
                ResourceId = p.Id, SiteId = clinic.SiteId, Day = date.DayOfWeek, StartTime = new(9, 0), EndTime = new(13, 0), ValidFrom = new(2026, 1, 1),
            });
            await db.SaveChangesAsync();
            return p.Id;
        });
        var second = await desk.BookedAsync(patientId, clinic, date, "09:00", practitionerId: other);
        Assert.Equal(clinic.RoomIds[1], (await AppointmentAsync(second)).RoomId);
    }

    [Fact]
    public async Task FreeSlots_SkipTakenTimesHolidaysAndLeave_AndThePageListsThem()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var clinic = await app.AddClinicAsync();
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var day1 = app.Today().AddDays(1);
        await desk.BookedAsync(patientId, clinic, day1, "09:00");
        await app.WithDbAsync(async db =>
        {
            db.Holidays.Add(new Holiday { SiteId = clinic.SiteId, Date = day1.AddDays(1), Name = "Festival" });
            db.AvailabilityExceptions.Add(new AvailabilityException { ResourceId = clinic.PractitionerId, Date = day1.AddDays(2), Kind = AvailabilityExceptionKind.Leave });
            return await db.SaveChangesAsync();
        });

        var found = await app.WithScopeAsync(sp => sp.GetRequiredService<FreeSlots.Handler>()
            .FindAsync(new FreeSlots.Request(clinic.SiteId, AppointmentTypeSeed.InjectionVisit, clinic.PractitionerId, day1, 200), CancellationToken.None));

        Assert.Null(found.Problem);
        Assert.Equal(new DateTime(day1.Year, day1.Month, day1.Day, 9, 30, 0), found.Slots[0].LocalStart);
        Assert.All(found.Slots, s => Assert.NotEqual(day1.AddDays(1), DateOnly.FromDateTime(s.LocalStart)));
        Assert.All(found.Slots, s => Assert.NotEqual(day1.AddDays(2), DateOnly.FromDateTime(s.LocalStart)));
        Assert.Contains(found.Slots, s => DateOnly.FromDateTime(s.LocalStart) == day1.AddDays(3));
        Assert.All(found.Slots, s => Assert.Equal(clinic.RoomIds[0], s.RoomId));

        var page = await (await desk.GetAsync($"/Schedule/Book?type=injection-visit&siteId={clinic.SiteId}&practitionerId={clinic.PractitionerId}&date={SurgeryTestData.Iso(day1)}")).HtmlAsync();
        Assert.Contains(day1.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + ", 09:30", page, StringComparison.Ordinal);
        Assert.DoesNotContain(day1.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + ", 09:00", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_BadInput_ShowsWhyAndBooksNothing()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var clinic = await app.AddClinicAsync();
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var date = app.Today().AddDays(1);
        var url = AppointmentTestData.BookUrl(patientId, clinic, date, "09:00");
        var cases = new (string Field, string Value, string Message)[]
        {
            ("Input.Time", "14:00", "does not work at"),
            ("Input.TypeCode", "no-such-type", "Choose a type of appointment from the list."),
            ("Input.PatientId", Guid.NewGuid().ToString(), "Choose the patient."),
            ("Input.Date", SurgeryTestData.Iso(app.Today().AddDays(-1)), "That time has passed."),
            ("Input.Note", new string('x', Appointment.NoteMax + 1), "The note can be at most"),
        };

        foreach (var (field, value, message) in cases)
        {
            var fields = AppointmentTestData.BookFields(patientId, clinic, date, "09:00");
            fields[field] = value;
            var response = await desk.PostFormAsync(url, fields, "/Schedule/Book");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await AppointmentsOfAsync(clinic.PractitionerId));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.AppointmentBooked && e.Outcome == AuditOutcome.Failed)));
    }

    [Fact]
    public async Task Book_32ConcurrentRequestsForOneSlot_ExactlyOneWinsTheRestAreToldItWasJustTaken()
    {
        var clinic = await app.AddClinicAsync();
        var patientId = await app.CreateClient(Roles.FrontDesk).RegisterAsync(TestData.Patient());
        var date = app.Today().AddDays(2);
        var url = AppointmentTestData.BookUrl(patientId, clinic, date, "10:00");
        var forms = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            var client = app.CreateClient(Roles.FrontDesk);
            var html = await client.GetStringAsync(url);
            var fields = AppointmentTestData.BookFields(patientId, clinic, date, "10:00").ToList();
            fields.Add(new("__RequestVerificationToken", FormPost.TokenOf(html)));
            return (client, fields);
        }));

        var responses = await Task.WhenAll(forms.Select(f => f.client.PostAsync("/Schedule/Book", new FormUrlEncodedContent(f.fields))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(31, refused.Count);
        var texts = await Task.WhenAll(refused.Select(r => r.HtmlAsync()));
        Assert.All(texts, t => Assert.Contains(ScheduleConflicts.TakenMessage, t, StringComparison.Ordinal));
        Assert.Equal(1, await AppointmentsOfAsync(clinic.PractitionerId));
    }

    [Fact]
    public async Task Reschedule_ToAFreeSlot_MovesItAndAStaleVersionChangesNothing()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var clinic = await app.AddClinicAsync();
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var date = app.Today().AddDays(3);
        var id = await desk.BookedAsync(patientId, clinic, date, "09:00");
        var before = await AppointmentAsync(id);
        var url = $"/Appointments/{id}/Reschedule";
        Dictionary<string, string> Move(string time, string? version = null) => new()
        {
            ["Input.Version"] = version ?? before.Version.ToString(),
            ["Input.SiteId"] = clinic.SiteId.ToString(),
            ["Input.PractitionerId"] = clinic.PractitionerId.ToString(),
            ["Input.Date"] = SurgeryTestData.Iso(date),
            ["Input.Time"] = time,
        };
        Assert.Contains("Move here", await (await desk.GetAsync(url)).HtmlAsync(), StringComparison.Ordinal);

        var stale = await desk.PostFormAsync(url, Move("11:00", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(AppointmentRules.StaleMessage, await stale.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(before.StartUtc, (await AppointmentAsync(id)).StartUtc);
        Assert.True(await AuditedAsync(AuditAction.AppointmentRescheduled, id, AuditOutcome.Failed));

        var outside = await desk.PostFormAsync(url, Move("15:00"));
        Assert.Contains("does not work at", await outside.HtmlAsync(), StringComparison.Ordinal);

        (await desk.PostFormAsync(url, Move("11:00"))).EnsureRedirect();
        var moved = await AppointmentAsync(id);
        Assert.Equal(date.ToDateTime(new TimeOnly(5, 30)), moved.StartUtc);
        Assert.Equal(1, moved.RescheduleCount);
        Assert.True(await AuditedAsync(AuditAction.AppointmentRescheduled, id));

        // The old slot is free again.
        var other = await desk.RegisterAsync(TestData.Patient());
        await desk.BookedAsync(other, clinic, date, "09:00");
    }

    [Fact]
    public async Task Cancel_NeedsAReason_ThenFreesTheSlot()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var clinic = await app.AddClinicAsync();
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var date = app.Today().AddDays(4);
        var id = await desk.BookedAsync(patientId, clinic, date, "09:00");

        var blank = await desk.ActAsync(id, "Cancel", new() { ["Input.Reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("Give the reason for cancelling.", await blank.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentAsync(id)).Status);

        (await desk.ActAsync(id, "Cancel", new() { ["Input.Reason"] = "Patient unwell" })).EnsureRedirect();
        var cancelled = await AppointmentAsync(id);
        Assert.Equal((AppointmentStatus.Cancelled, "Patient unwell"), (cancelled.Status, cancelled.CancelReason));
        Assert.NotNull(cancelled.CancelledAtUtc);
        Assert.True(await AuditedAsync(AuditAction.AppointmentCancelled, id));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.AppointmentId == id && m.Status == Web.Features.Messaging.OutboxStatus.Pending)));
        await desk.BookedAsync(patientId, clinic, date, "09:00");
    }

    [Fact]
    public async Task CheckInStartVisitComplete_TodaysAppointment_FollowsTheDay()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var doctor = app.CreateClient(Roles.Doctor);
        var clinic = await app.AddClinicAsync();
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var today = app.Today();
        var id = await desk.BookedAsync(patientId, clinic, today, "11:00");
        var tomorrowId = await desk.BookedAsync(patientId, clinic, today.AddDays(1), "11:00");

        var early = await desk.ActAsync(tomorrowId, "CheckIn");
        var earlyHtml = await early.HtmlAsync();
        Assert.True(earlyHtml.Contains("on the day of the appointment", StringComparison.Ordinal), PageHtml.TextOf(earlyHtml));
        var notYet = await desk.ActAsync(id, "NoShow");
        Assert.Contains("has not started yet", await notYet.HtmlAsync(), StringComparison.Ordinal);

        (await desk.ActAsync(id, "CheckIn")).EnsureRedirect();
        Assert.Equal(AppointmentStatus.CheckedIn, (await AppointmentAsync(id)).Status);
        Assert.True(await AuditedAsync(AuditAction.AppointmentCheckedIn, id));

        var version = (await AppointmentAsync(id)).Version.ToString();
        var token = FormPost.TokenOf(await doctor.GetStringAsync($"/Appointments/{id}"));
        var form = new Dictionary<string, string> { ["Version"] = version, ["__RequestVerificationToken"] = token };
        SurgeryTestData.AssertDenied(await desk.PostAsync($"/Appointments/{id}/StartVisit", new FormUrlEncodedContent(form)));
        var started = await doctor.PostAsync($"/Appointments/{id}/StartVisit", new FormUrlEncodedContent(form));

        var location = Redirects.LocationOf(started);
        var withVisit = await AppointmentAsync(id);
        Assert.Equal($"/Patients/{patientId}/Visits/{withVisit.VisitId}", location);
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(v => v.Id == withVisit.VisitId));
        Assert.Equal((VisitType.InjectionVisit, clinic.SiteId, patientId), (visit.Type, visit.SiteId, visit.PatientId));
        Assert.True(await AuditedAsync(AuditAction.AppointmentVisitStarted, id));

        (await desk.ActAsync(id, "Complete")).EnsureRedirect();
        var done = await AppointmentAsync(id);
        Assert.Equal(AppointmentStatus.Completed, done.Status);
        Assert.NotNull(done.CompletedAtUtc);
    }

    [Fact]
    public async Task NoShow_AfterItsStart_IsMarkedAndStale_IsRefused()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var clinic = await app.AddClinicAsync();
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var typeId = await app.WithDbAsync(db => db.AppointmentTypes.Where(t => t.Code == AppointmentTypeSeed.FollowUp).Select(t => t.Id).SingleAsync());
        var now = app.Time.GetUtcNow().UtcDateTime;
        var id = await app.WithDbAsync(async db =>
        {
            var a = new Appointment
            {
                PatientId = patientId, TypeId = typeId, SiteId = clinic.SiteId, PractitionerId = clinic.PractitionerId, RoomId = clinic.RoomIds[0],
                StartUtc = now.AddMinutes(-30), EndUtc = now.AddMinutes(-15), Status = AppointmentStatus.Booked,
            };
            db.Appointments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

        var stale = await desk.ActAsync(id, "NoShow", version: Guid.NewGuid().ToString());
        Assert.Contains(AppointmentRules.StaleMessage, await stale.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentAsync(id)).Status);

        (await desk.ActAsync(id, "NoShow")).EnsureRedirect();
        Assert.Equal(AppointmentStatus.NoShow, (await AppointmentAsync(id)).Status);
        Assert.True(await AuditedAsync(AuditAction.AppointmentNoShow, id));

        // Booked again from the recall list's missed-appointment item: the item records the booking.
        var date = app.Today().AddDays(9);
        var fields = AppointmentTestData.BookFields(patientId, clinic, date, "09:00", AppointmentTypeSeed.FollowUp, source: "Recall");
        fields["Input.SourceKey"] = "missed:" + id;
        var rebooked = AppointmentTestData.IdOf(await desk.BookAsync(patientId, clinic, date, "09:00", AppointmentTypeSeed.FollowUp, fields: fields));
        var action = await app.WithDbAsync(db => db.RecallActions.SingleAsync(r => r.ItemKey == "missed:" + id));
        Assert.Equal((Web.Features.Recall.RecallOutcome.Booked, (Guid?)rebooked), (action.Outcome, action.AppointmentId));
    }

    [Fact]
    public async Task Pages_AdminIsDenied_UnknownIdsAreNotFound()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var admin = app.CreateClient(Roles.Admin);
        var clinic = await app.AddClinicAsync();
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var id = await desk.BookedAsync(patientId, clinic, app.Today().AddDays(5), "09:00");

        SurgeryTestData.AssertDenied(await admin.GetAsync("/Schedule/Book"));
        SurgeryTestData.AssertDenied(await admin.GetAsync($"/Appointments/{id}"));
        SurgeryTestData.AssertDenied(await admin.GetAsync($"/Appointments/{id}/Reschedule"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(Roles.Nurse).GetAsync($"/Appointments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/Appointments/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/Appointments/{Guid.NewGuid()}/Reschedule")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/Schedule/Book?patientId={Guid.NewGuid()}")).StatusCode);
        var token = FormPost.TokenOf(await desk.GetStringAsync($"/Appointments/{id}"));
        var unknown = await desk.PostAsync($"/Appointments/{Guid.NewGuid()}?handler=CheckIn",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Book_SiteInLondon_StoresUtcAndShowsLondonTime()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var clinic = await app.AddClinicAsync(timeZone: "Europe/London");
        var patientId = await desk.RegisterAsync(TestData.Patient());
        var date = app.Today().AddDays(6);

        var id = await desk.BookedAsync(patientId, clinic, date, "09:00");

        Assert.Equal(date.ToDateTime(new TimeOnly(9, 0)), (await AppointmentAsync(id)).StartUtc);
        var page = await (await desk.GetAsync($"/Appointments/{id}")).HtmlAsync();
        Assert.Contains("09:00–09:20", page, StringComparison.Ordinal);
        Assert.Contains("Europe/London", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MvdCaseAndAppointment_NeverDoubleBookTheSurgeon_EitherWay()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var surgeonId = await app.AddSurgeonAsync();
        var hospital = await app.AddClinicAsync(start: "08:00", end: "18:00", userId: surgeonId, kind: Web.Features.Sites.SiteKind.Hospital, theatre: true);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var date = app.Today().AddDays(8);

        // A booked MVD case takes the surgeon 09:00–12:00: no appointment with them then.
        var (casePatient, caseId) = await doctor.ReferAsync();
        await doctor.CompleteChecklistAsync(app, casePatient, caseId);
        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(casePatient, caseId, "Book"),
            SurgeryTestData.Booking(hospital.SiteId, surgeonId, date, "09:00", 180, "OT 1"))).EnsureRedirect();
        var url = AppointmentTestData.BookUrl(patientId, hospital, date, "08:00", AppointmentTypeSeed.FollowUp);
        var clash = await doctor.PostFormAsync(url, AppointmentTestData.BookFields(patientId, hospital, date, "10:00", AppointmentTypeSeed.FollowUp), "/Schedule/Book");
        Assert.Contains(ScheduleConflicts.TakenMessage, await clash.HtmlAsync(), StringComparison.Ordinal);
        var found = await app.WithScopeAsync(sp => sp.GetRequiredService<FreeSlots.Handler>()
            .FindAsync(new FreeSlots.Request(hospital.SiteId, AppointmentTypeSeed.FollowUp, hospital.PractitionerId, date, 40), CancellationToken.None));
        Assert.DoesNotContain(found.Slots, s => s.LocalStart.Hour is >= 9 and < 12 && DateOnly.FromDateTime(s.LocalStart) == date);
        Assert.Contains(found.Slots, s => s.LocalStart.Hour == 12 && DateOnly.FromDateTime(s.LocalStart) == date);

        // An appointment with the surgeon the next day: the MVD booking at that time is refused.
        await doctor.BookedAsync(patientId, hospital, date.AddDays(1), "14:00", AppointmentTypeSeed.FollowUp);
        var (otherPatient, otherCase) = await doctor.ReferAsync();
        await doctor.CompleteChecklistAsync(app, otherPatient, otherCase);
        var refused = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(otherPatient, otherCase, "Book"),
            SurgeryTestData.Booking(hospital.SiteId, surgeonId, date.AddDays(1), "12:00", 180, "OT 2"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Web.Features.Surgery.BookTheatre.TakenMessage, await refused.HtmlAsync(), StringComparison.Ordinal);
    }
}

public sealed class AppointmentPagesTestsOnSqlite(SqliteAppFactory app) : AppointmentPagesTests<SqliteAppFactory>(app);

public sealed class AppointmentPagesTestsOnPostgres(PostgresAppFactory app) : AppointmentPagesTests<PostgresAppFactory>(app);
