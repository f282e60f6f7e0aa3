using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Scheduling.Calendar;

/// <summary>
/// The day, week and print views: who may open them, appointments in the site's own clock, free times that link
/// to booking, a site filter that never resets by itself, one audit row per view.
/// </summary>
public abstract class CalendarPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    // The fake clock starts on Tuesday 24 November 2026; these are later Tuesdays and a Wednesday.
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private static readonly DateOnly NextTuesday = new(2026, 12, 8);

    private static readonly string[] Pages = ["/Schedule", "/Schedule/Week", "/Schedule/Print"];

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    public async Task CalendarPages_SchedulingRoles_Open(string role)
    {
        var siteId = await app.AddSiteAsync();
        var client = app.CreateClient(role);

        foreach (var page in Pages)
        {
            var response = await client.GetAsync($"{page}?siteId={siteId}&date={ScheduleTestData.Iso(Tuesday)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var unknown = await client.GetAsync($"/Schedule?practitionerId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task CalendarPages_AdminAndAnonymous_AreKeptOut()
    {
        foreach (var page in Pages)
        {
            var admin = await app.CreateClient(Roles.Admin).GetAsync(page);
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(admin), StringComparison.Ordinal);
            var anonymous = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(page);
            Assert.StartsWith("/Account/Login", Redirects.LocationOf(anonymous), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Asia/Kolkata", 4, 30)]
    [InlineData("America/New_York", 15, 0)]
    public async Task DayView_ShowsAppointmentsInTheSitesClock_WithFreeTimesToBookAndOneAuditRow(string zone, int utcHour, int utcMinute)
    {
        var siteId = await app.AddSiteAsync(zone);
        var doctorId = await app.AddPractitionerAsync();
        await app.AddSessionAsync(doctorId, siteId, DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(13, 0));
        var patient = await app.AddPatientAsync();
        var other = await app.AddPatientAsync();
        var start = Tuesday.ToDateTime(new TimeOnly(utcHour, utcMinute), DateTimeKind.Utc); // 10:00 at the site
        var booked = await app.AddAppointmentAsync(patient.Id, siteId, doctorId, start);
        await app.AddAppointmentAsync(other.Id, siteId, doctorId, start.AddHours(1), status: AppointmentStatus.Cancelled);
        var client = app.CreateClient(Roles.FrontDesk);

        var html = await (await client.GetAsync($"/Schedule?siteId={siteId}&date={ScheduleTestData.Iso(Tuesday)}")).HtmlAsync();

        Assert.Contains($"<a href=\"/Appointments/{booked}\">10:00–10:20 {patient.GivenName} {patient.FamilyName}</a>", html, StringComparison.Ordinal);
        Assert.Contains(patient.Mrn, html, StringComparison.Ordinal);
        Assert.Contains("Injection visit", html, StringComparison.Ordinal);
        Assert.Contains($"11:00–11:20 {other.GivenName} {other.FamilyName}", html, StringComparison.Ordinal);
        Assert.Contains("Cancelled", html, StringComparison.Ordinal);
        Assert.Contains($"times in the site's time zone ({zone})", html, StringComparison.OrdinalIgnoreCase);
        // The session less the booked appointment; the cancelled one frees its time again.
        Assert.Contains("Free 09:00–10:00", html, StringComparison.Ordinal);
        Assert.Contains("Free 10:20–13:00", html, StringComparison.Ordinal);
        Assert.Contains($"/Schedule/Book?siteId={siteId}&practitionerId={doctorId}&date=2026-12-01&time=10:20", html, StringComparison.Ordinal);

        var rows = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.ScheduleDayViewed && e.SubjectId == siteId.ToString()).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(TestAuthHandler.UserIdOf(Roles.FrontDesk), row.ActorId);
        Assert.Equal("2026-12-01, 2 appointments", row.Detail);
    }

    [Fact]
    public async Task SiteFilter_IsRememberedAcrossDatesViewsAndVisits_AndListsOnlyOpenSites()
    {
        var chosen = await app.AddSiteAsync();
        var closed = await app.AddSiteAsync(active: false);
        var chosenName = await app.WithDbAsync(db => db.Sites.Where(s => s.Id == chosen).Select(s => s.Name).SingleAsync());
        var client = app.CreateClient(Roles.FrontDesk);
        var selected = $"<option value=\"{chosen}\" selected=\"selected\">";

        var firstResponse = await client.GetAsync($"/Schedule?siteId={chosen}&date={ScheduleTestData.Iso(Tuesday)}");
        var first = await firstResponse.HtmlAsync();
        var cookie = Assert.Single(firstResponse.Headers.GetValues("Set-Cookie"), v => v.StartsWith(SiteFilter.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains(selected, first, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.ToString(), first, StringComparison.Ordinal);
        Assert.Contains($"/Schedule?siteId={chosen}&date=2026-12-02", first, StringComparison.Ordinal); // next day keeps it

        // Without the site in the address: another date, the week, the print list, a closed site asked for.
        Assert.Contains(selected, await (await client.GetAsync("/Schedule?date=2026-12-02")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains(selected, await (await client.GetAsync("/Schedule/Week?date=2026-12-09")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains($"Day list: {chosenName}", await (await client.GetAsync("/Schedule/Print?date=2026-12-02")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains(selected, await (await client.GetAsync($"/Schedule?siteId={closed}")).HtmlAsync(), StringComparison.Ordinal);

        // A later visit: a new browser session that still holds the cookie.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Schedule");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Contains(selected, await (await app.CreateClient(Roles.Nurse).SendAsync(request)).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PractitionerViews_WeekAndPrint_ShowTheirDayAcrossSites()
    {
        var clinic = await app.AddSiteAsync();
        var hospital = await app.AddSiteAsync("America/New_York");
        var names = await app.WithDbAsync(db => db.Sites.Where(s => s.Id == clinic || s.Id == hospital).ToDictionaryAsync(s => s.Id, s => s.Name));
        var doctorId = await app.AddPractitionerAsync();
        var colleagueId = await app.AddPractitionerAsync();
        await app.AddSessionAsync(doctorId, clinic, DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0));
        await app.AddSessionAsync(colleagueId, clinic, DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0));
        await app.AddSessionAsync(doctorId, hospital, DayOfWeek.Tuesday, new TimeOnly(14, 0), new TimeOnly(17, 0));
        var a = await app.AddPatientAsync();
        var b = await app.AddPatientAsync();
        var c = await app.AddPatientAsync();
        await app.AddAppointmentAsync(a.Id, clinic, doctorId, Tuesday.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc)); // 09:30 IST
        await app.AddAppointmentAsync(b.Id, hospital, doctorId, Tuesday.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc), AppointmentTypeSeed.FollowUp); // 15:00 EST
        await app.AddAppointmentAsync(c.Id, clinic, colleagueId, Tuesday.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc));
        var doctor = app.CreateClient(Roles.Doctor);
        var day = ScheduleTestData.Iso(Tuesday);

        var mine = await (await doctor.GetAsync($"/Schedule?practitionerId={doctorId}&date={day}")).HtmlAsync();
        Assert.Contains($"09:30–09:50 {a.GivenName} {a.FamilyName}", mine, StringComparison.Ordinal);
        Assert.Contains($"15:00–15:15 {b.GivenName} {b.FamilyName}", mine, StringComparison.Ordinal);
        Assert.Contains(names[hospital], mine, StringComparison.Ordinal);
        Assert.DoesNotContain(c.FamilyName, mine, StringComparison.Ordinal);

        var week = await (await doctor.GetAsync($"/Schedule/Week?siteId={clinic}&date=2026-12-03")).HtmlAsync();
        Assert.Contains("Tue 1 Dec", week, StringComparison.Ordinal);
        Assert.Contains($"09:30 {a.GivenName} {a.FamilyName}", week, StringComparison.Ordinal);
        Assert.Contains($"09:30 {c.GivenName} {c.FamilyName}", week, StringComparison.Ordinal);
        Assert.DoesNotContain(b.FamilyName, week, StringComparison.Ordinal);

        var print = await (await doctor.GetAsync($"/Schedule/Print?practitionerId={doctorId}&date={day}")).HtmlAsync();
        var rows = PageHtml.TableRows(print);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["09:30–09:50", $"{a.GivenName} {a.FamilyName}", a.Mrn, "Injection visit", "Booked"], rows[0]);
        Assert.Equal(["15:00–15:15", $"{b.GivenName} {b.FamilyName}", b.Mrn, "Follow-up", "Booked"], rows[1]);

        var sitePrint = PageHtml.TableRows(await (await doctor.GetAsync($"/Schedule/Print?siteId={clinic}&date={day}")).HtmlAsync());
        Assert.Equal(2, sitePrint.Count);

        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == doctorId.ToString() || e.SubjectId == clinic.ToString())
            .Select(e => e.Action).ToListAsync());
        Assert.Equal(1, audit.Count(x => x == AuditAction.ScheduleDayViewed));
        Assert.Equal(1, audit.Count(x => x == AuditAction.ScheduleWeekViewed));
        Assert.Equal(2, audit.Count(x => x == AuditAction.ScheduleDayListPrinted));
    }

    [Fact]
    public async Task DayView_HolidayAndLeave_OfferNoFreeTime()
    {
        var siteId = await app.AddSiteAsync();
        var doctorId = await app.AddPractitionerAsync();
        await app.AddSessionAsync(doctorId, siteId, DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(13, 0));
        await app.WithDbAsync(async db =>
        {
            db.Holidays.Add(new Holiday { SiteId = siteId, Date = Tuesday, Name = "Guru Nanak Jayanti" });
            db.AvailabilityExceptions.Add(new AvailabilityException { ResourceId = doctorId, Date = NextTuesday, Kind = AvailabilityExceptionKind.Leave, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(11, 0) });
            return await db.SaveChangesAsync();
        });
        var client = app.CreateClient(Roles.FrontDesk);

        var holiday = await (await client.GetAsync($"/Schedule?siteId={siteId}&date={ScheduleTestData.Iso(Tuesday)}")).HtmlAsync();
        var leave = await (await client.GetAsync($"/Schedule?siteId={siteId}&date={ScheduleTestData.Iso(NextTuesday)}")).HtmlAsync();

        Assert.Contains("Guru Nanak Jayanti", holiday, StringComparison.Ordinal);
        Assert.DoesNotContain("Free ", holiday, StringComparison.Ordinal);
        Assert.DoesNotContain("Free 09:00", leave, StringComparison.Ordinal);
        Assert.Contains("Free 11:00–13:00", leave, StringComparison.Ordinal);
    }
}

public sealed class CalendarPagesTestsOnSqlite(SqliteAppFactory app) : CalendarPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class CalendarPagesTestsOnPostgres(PostgresAppFactory app) : CalendarPagesTests<PostgresAppFactory>(app);
