using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Scheduling.Admin;

/// <summary>
/// Schedule set-up (admins only): resources, weekly sessions, exceptions, holidays, appointment types. Each change
/// is audited; bad input shows a message and changes nothing; a stale edit is refused; nothing with a history is deleted.
/// </summary>
public abstract class ScheduleAdminPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Base = "/Admin/Scheduling";

    private async Task<string[]> PagesAsync()
    {
        var doctorId = await app.AddPractitionerAsync();
        var siteId = await app.AddSiteAsync();
        var sessionId = await app.AddSessionAsync(doctorId, siteId, DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0));
        var typeId = await app.WithDbAsync(db => db.AppointmentTypes.Where(t => t.Code == AppointmentTypeSeed.FollowUp).Select(t => t.Id).SingleAsync());
        return
        [
            Base, $"{Base}/Resource?kind=Room", $"{Base}/Resource/{doctorId}", $"{Base}/Availability/{doctorId}",
            $"{Base}/Session/{doctorId}", $"{Base}/Session/{doctorId}/{sessionId}", $"{Base}/Exception/{doctorId}",
            $"{Base}/Holidays", $"{Base}/Types", $"{Base}/Type", $"{Base}/Type/{typeId}", "/Admin/Settings",
        ];
    }

    [Fact]
    public async Task SetUpPages_OpenForAdmins_UnknownIdsNotFound()
    {
        var admin = app.CreateClient(Roles.Admin);
        foreach (var page in await PagesAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
        }

        Assert.Contains("href=\"/Admin/Scheduling\"", await admin.GetStringAsync("/Admin/Settings"), StringComparison.Ordinal);
        var roomId = await app.WithDbAsync(async db =>
        {
            var room = new ScheduleResource { Kind = ResourceKind.Room, Name = "Room 1", SiteId = await db.Sites.Select(s => s.Id).FirstAsync() };
            db.ScheduleResources.Add(room);
            await db.SaveChangesAsync();
            return room.Id;
        });
        foreach (var page in new[] { $"{Base}/Resource/{Guid.NewGuid()}", $"{Base}/Availability/{Guid.NewGuid()}", $"{Base}/Availability/{roomId}",
                     $"{Base}/Session/{Guid.NewGuid()}", $"{Base}/Type/{Guid.NewGuid()}", $"{Base}/Resource" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(page)).StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    public async Task SetUpPages_OtherRoles_AreDenied(string role)
    {
        var client = app.CreateClient(role);
        foreach (var page in await PagesAsync())
        {
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await client.GetAsync(page)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Resources_StaffOutsideRoomTheatre_AreSavedOnceWithTheRulesAndAudited()
    {
        var admin = app.CreateClient(Roles.Admin);
        var userId = await app.CreateUserAsync(Roles.Doctor, TestData.UniqueWord("neuro"), "Doctor-password-1");
        var clinic = await app.AddSiteAsync();
        var hospital = await app.AddSiteAsync(kind: SiteKind.Hospital, theatre: true);

        (await admin.PostFormAsync($"{Base}/Resource?kind=Practitioner", new Dictionary<string, string>
        {
            ["Input.UserId"] = userId.ToString(), ["Input.Role"] = "Doctor", ["Input.IsActive"] = "true",
        })).EnsureRedirect();
        var again = await admin.PostFormAsync($"{Base}/Resource?kind=Practitioner", new Dictionary<string, string>
        {
            ["Input.UserId"] = userId.ToString(), ["Input.Role"] = "Doctor", ["Input.IsActive"] = "true",
        });
        Assert.Contains("is already in the schedule", await again.HtmlAsync(), StringComparison.Ordinal);

        (await admin.PostFormAsync($"{Base}/Resource?kind=Practitioner", new Dictionary<string, string>
        {
            ["Input.Name"] = "  Dr  Anil   Mehta ", ["Input.Role"] = "Anaesthetist", ["Input.IsActive"] = "true",
        })).EnsureRedirect();
        var theatreAtClinic = await admin.PostFormAsync($"{Base}/Resource?kind=Theatre", new Dictionary<string, string>
        {
            ["Input.Name"] = "OT 1", ["Input.SiteId"] = clinic.ToString(), ["Input.IsActive"] = "true",
        });
        var theatreHtml = await theatreAtClinic.HtmlAsync();
        Assert.True(theatreHtml.Contains("is not a hospital with an operating theatre", StringComparison.Ordinal), PageHtml.TextOf(theatreHtml));
        (await admin.PostFormAsync($"{Base}/Resource?kind=Theatre", new Dictionary<string, string>
        {
            ["Input.Name"] = "OT 1", ["Input.SiteId"] = hospital.ToString(), ["Input.IsActive"] = "true",
        })).EnsureRedirect();
        var duplicate = await admin.PostFormAsync($"{Base}/Resource?kind=Theatre", new Dictionary<string, string>
        {
            ["Input.Name"] = "ot  1", ["Input.SiteId"] = hospital.ToString(), ["Input.IsActive"] = "true",
        });
        Assert.Contains("already has a theatre with this name", await duplicate.HtmlAsync(), StringComparison.Ordinal);
        var roomWithoutSite = await admin.PostFormAsync($"{Base}/Resource?kind=Room", new Dictionary<string, string> { ["Input.Name"] = "Room 2" });
        Assert.Contains("Choose the site.", await roomWithoutSite.HtmlAsync(), StringComparison.Ordinal);

        var saved = await app.WithDbAsync(db => db.ScheduleResources.AsNoTracking()
            .Where(r => r.UserId == userId || r.Name == "Dr Anil Mehta" || r.SiteId == clinic || r.SiteId == hospital).ToListAsync());
        Assert.Equal(3, saved.Count);
        var staff = Assert.Single(saved, r => r.UserId == userId);
        Assert.Equal("Test " + await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleAsync()), staff.Name);
        Assert.Equal(PractitionerRole.Anaesthetist, Assert.Single(saved, r => r.Name == "Dr Anil Mehta").Role);
        Assert.Equal(ResourceKind.Theatre, Assert.Single(saved, r => r.SiteId == hospital).Kind);
        var ids = saved.Select(r => r.Id.ToString()).ToList();
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.ScheduleResourceCreated && ids.Contains(e.SubjectId!))));
    }

    [Fact]
    public async Task Resource_StaleEditAndDeactivatingWhileBooked_AreRefusedAndChangeNothing()
    {
        var admin = app.CreateClient(Roles.Admin);
        var doctorId = await app.AddPractitionerAsync("Dr Stale");
        var siteId = await app.AddSiteAsync();
        var patient = await app.AddPatientAsync();
        var appointmentId = await app.AddAppointmentAsync(patient.Id, siteId, doctorId, new DateTime(2026, 12, 1, 4, 30, 0, DateTimeKind.Utc));
        var url = $"{Base}/Resource/{doctorId}";
        var page = await admin.GetStringAsync(url);
        var version = PageHtml.ValueOf(page, "Input.Version");

        var booked = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Name"] = "Dr Stale", ["Input.Role"] = "Doctor", ["Input.IsActive"] = "false", ["Input.Version"] = version,
        });
        Assert.Contains("still has 1 upcoming appointment", await booked.HtmlAsync(), StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            await db.Appointments.Where(a => a.Id == appointmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppointmentStatus.Cancelled));
            var doctor = await db.ScheduleResources.SingleAsync(r => r.Id == doctorId);
            doctor.Name = "Dr Changed Elsewhere";
            return await db.SaveChangesAsync();
        });
        var stale = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Name"] = "Dr Mine", ["Input.Role"] = "Doctor", ["Input.IsActive"] = "false", ["Input.Version"] = version,
        });
        Assert.Contains("Someone else changed this resource", await stale.HtmlAsync(), StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.ScheduleResources.AsNoTracking().SingleAsync(r => r.Id == doctorId));
        Assert.Equal("Dr Changed Elsewhere", after.Name);
        Assert.True(after.IsActive);

        var fresh = PageHtml.ValueOf(await admin.GetStringAsync(url), "Input.Version");
        (await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Name"] = "Dr Mine", ["Input.Role"] = "Doctor", ["Input.IsActive"] = "false", ["Input.Version"] = fresh,
        })).EnsureRedirect();
        Assert.False(await app.WithDbAsync(db => db.ScheduleResources.Where(r => r.Id == doctorId).Select(r => r.IsActive).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ScheduleResourceUpdated && e.SubjectId == doctorId.ToString())));
    }

    private static Dictionary<string, string> Session(Guid siteId, string day, string start, string end, string from = "2026-12-01", string until = "") => new()
    {
        ["Input.SiteId"] = siteId.ToString(), ["Input.Day"] = day, ["Input.StartTime"] = start, ["Input.EndTime"] = end,
        ["Input.ValidFrom"] = from, ["Input.ValidUntil"] = until,
    };

    [Fact]
    public async Task WeeklySessions_OverlapsAndBackwardTimesAreRefused_OthersSavedAndAudited()
    {
        var admin = app.CreateClient(Roles.Admin);
        var doctorId = await app.AddPractitionerAsync();
        var dadar = await app.AddSiteAsync();
        var hospital = await app.AddSiteAsync();
        var url = $"{Base}/Session/{doctorId}";

        (await admin.PostFormAsync(url, Session(dadar, "Tuesday", "09:00", "13:00", until: "2027-03-31"))).EnsureRedirect();
        var overlap = await admin.PostFormAsync(url, Session(hospital, "Tuesday", "12:00", "15:00"));
        Assert.Contains("This overlaps the Tuesday session 09:00–13:00 at", await overlap.HtmlAsync(), StringComparison.Ordinal);
        var backwards = await admin.PostFormAsync(url, Session(hospital, "Wednesday", "15:00", "14:00"));
        Assert.Contains("The session must end after it starts.", await backwards.HtmlAsync(), StringComparison.Ordinal);
        var untilBeforeFrom = await admin.PostFormAsync(url, Session(hospital, "Wednesday", "09:00", "12:00", "2027-01-10", "2027-01-01"));
        Assert.Contains("The last day cannot be before the first.", await untilBeforeFrom.HtmlAsync(), StringComparison.Ordinal);
        (await admin.PostFormAsync(url, Session(hospital, "Tuesday", "14:00", "17:00"))).EnsureRedirect(); // after the morning
        (await admin.PostFormAsync(url, Session(hospital, "Tuesday", "09:00", "13:00", "2027-04-01"))).EnsureRedirect(); // once the first ends

        var sessions = await app.WithDbAsync(db => db.WeeklyAvailabilities.AsNoTracking().Where(a => a.ResourceId == doctorId).ToListAsync());
        Assert.Equal(3, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(DayOfWeek.Tuesday, s.Day));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.AvailabilityCreated && e.Detail!.StartsWith(doctorId.ToString("N")))));

        var html = await admin.GetStringAsync($"{Base}/Availability/{doctorId}");
        Assert.Contains("from 1 Dec 2026 until 31 Mar 2027", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_LeaveAndExtraSessions_CheckedAddedAndRemovedWithAudit()
    {
        var admin = app.CreateClient(Roles.Admin);
        var doctorId = await app.AddPractitionerAsync();
        var siteId = await app.AddSiteAsync();
        await app.AddSessionAsync(doctorId, siteId, DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(13, 0));
        var url = $"{Base}/Exception/{doctorId}";

        (await admin.PostFormAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "Leave", ["Input.Date"] = "2026-12-01", ["Input.Reason"] = "Conference" })).EnsureRedirect();
        var extraWithoutSite = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Kind"] = "ExtraSession", ["Input.Date"] = "2026-12-05", ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00",
        });
        Assert.Contains("Choose the site of the extra session.", await extraWithoutSite.HtmlAsync(), StringComparison.Ordinal);
        var halfTimes = await admin.PostFormAsync(url, new Dictionary<string, string> { ["Input.Kind"] = "Leave", ["Input.Date"] = "2026-12-02", ["Input.StartTime"] = "10:00" });
        Assert.Contains("Enter both times for part of a day", await halfTimes.HtmlAsync(), StringComparison.Ordinal);
        var overWeekly = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Kind"] = "ExtraSession", ["Input.SiteId"] = siteId.ToString(), ["Input.Date"] = "2026-12-08", ["Input.StartTime"] = "12:00", ["Input.EndTime"] = "14:00",
        });
        Assert.Contains("already works 09:00–13:00", await overWeekly.HtmlAsync(), StringComparison.Ordinal);
        (await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Kind"] = "ExtraSession", ["Input.SiteId"] = siteId.ToString(), ["Input.Date"] = "2026-12-05", ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00",
        })).EnsureRedirect();

        var saved = await app.WithDbAsync(db => db.AvailabilityExceptions.AsNoTracking().Where(e => e.ResourceId == doctorId).OrderBy(e => e.Date).ToListAsync());
        Assert.Equal(2, saved.Count);
        Assert.Null(saved[0].SiteId);
        Assert.Null(saved[0].StartTime);
        Assert.Equal(siteId, saved[1].SiteId);

        var page = $"{Base}/Availability/{doctorId}";
        (await admin.PostFormAsync(page, new Dictionary<string, string> { ["exceptionId"] = saved[0].Id.ToString() }, $"{page}?handler=DeleteException")).EnsureRedirect();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(page, new Dictionary<string, string> { ["exceptionId"] = Guid.NewGuid().ToString() }, $"{page}?handler=DeleteException")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AvailabilityExceptions.CountAsync(e => e.ResourceId == doctorId)));
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Detail!.StartsWith(doctorId.ToString("N"))).Select(e => e.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == AuditAction.AvailabilityExceptionCreated));
        Assert.Equal(1, actions.Count(a => a == AuditAction.AvailabilityExceptionDeleted));
    }

    [Fact]
    public async Task Holidays_AddedOncePerDayAndSite_RemovedWithAudit()
    {
        var admin = app.CreateClient(Roles.Admin);
        var siteId = await app.AddSiteAsync();
        const string url = Base + "/Holidays";

        (await admin.PostFormAsync(url, new Dictionary<string, string> { ["Input.Date"] = "2027-01-26", ["Input.Name"] = "Republic Day" })).EnsureRedirect();
        var again = await admin.PostFormAsync(url, new Dictionary<string, string> { ["Input.Date"] = "2027-01-26", ["Input.Name"] = "Again", ["Input.SiteId"] = siteId.ToString() });
        Assert.Contains("This day is already a holiday there.", await again.HtmlAsync(), StringComparison.Ordinal);
        var nameless = await admin.PostFormAsync(url, new Dictionary<string, string> { ["Input.Date"] = "2027-01-27", ["Input.Name"] = "" });
        Assert.Contains("Enter the holiday's name.", await nameless.HtmlAsync(), StringComparison.Ordinal);

        var holiday = await app.WithDbAsync(db => db.Holidays.AsNoTracking().SingleAsync(h => h.Date == new DateOnly(2027, 1, 26)));
        Assert.Null(holiday.SiteId);
        Assert.Contains("Republic Day", await admin.GetStringAsync(url), StringComparison.Ordinal);
        (await admin.PostFormAsync(url, new Dictionary<string, string> { ["holidayId"] = holiday.Id.ToString() }, url + "?handler=Delete")).EnsureRedirect();
        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date == new DateOnly(2027, 1, 26) || h.Date == new DateOnly(2027, 1, 27))));
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == holiday.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.HolidayCreated, AuditAction.HolidayDeleted], actions.Order());
    }

    private static Dictionary<string, string> Type(string name, string minutes, string version, bool room = true, bool remote = false, string? code = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.DefaultMinutes"] = minutes, ["Input.NeedsRoom"] = room ? "true" : "false",
            ["Input.IsRemote"] = remote ? "true" : "false", ["Input.IsActive"] = "true", ["Input.Version"] = version, ["Input.VisitType"] = "",
        };
        if (code is not null)
        {
            fields["Input.Code"] = code;
        }

        return fields;
    }

    [Fact]
    public async Task AppointmentTypes_EditedWithTheirVersion_BadInputAndStaleEditsChangeNothing()
    {
        var admin = app.CreateClient(Roles.Admin);
        var code = TestData.UniqueWord("botox-review-");
        (await admin.PostFormAsync($"{Base}/Type", Type("Review " + code, "25", "", code: code))).EnsureRedirect();
        var type = await app.WithDbAsync(db => db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Code == code));
        Assert.Equal(25, type.DefaultMinutes);
        var url = $"{Base}/Type/{type.Id}";
        var version = PageHtml.ValueOf(await admin.GetStringAsync(url), "Input.Version");

        var badCode = await admin.PostFormAsync($"{Base}/Type", Type("Another", "20", "", code: "Bad Code"));
        Assert.Contains("Use lower-case letters, digits and dashes", await badCode.HtmlAsync(), StringComparison.Ordinal);
        var remoteRoom = await admin.PostFormAsync(url, Type("Review " + code, "25", version, room: true, remote: true));
        Assert.Contains("A remote appointment needs no room or theatre.", await remoteRoom.HtmlAsync(), StringComparison.Ordinal);
        var tooLong = await admin.PostFormAsync(url, Type("Review " + code, "721", version));
        Assert.Contains("Enter a length from 5 to 720 minutes.", await tooLong.HtmlAsync(), StringComparison.Ordinal);
        (await admin.PostFormAsync(url, Type("Review " + code, "30", version))).EnsureRedirect();
        var stale = await admin.PostFormAsync(url, Type("Review " + code, "40", version));
        Assert.Contains("Someone else changed this type", await stale.HtmlAsync(), StringComparison.Ordinal);

        var after = await app.WithDbAsync(db => db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Id == type.Id));
        Assert.Equal(30, after.DefaultMinutes);
        Assert.Equal(code, after.Code);
        Assert.False(after.IsRemote);
        Assert.False(await app.WithDbAsync(db => db.AppointmentTypes.AnyAsync(t => t.Name == "Another")));
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == type.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.AppointmentTypeCreated, AuditAction.AppointmentTypeUpdated], actions.Order());
    }
}

public sealed class ScheduleAdminPagesTestsOnSqlite(SqliteAppFactory app) : ScheduleAdminPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ScheduleAdminPagesTestsOnPostgres(PostgresAppFactory app) : ScheduleAdminPagesTests<PostgresAppFactory>(app);
