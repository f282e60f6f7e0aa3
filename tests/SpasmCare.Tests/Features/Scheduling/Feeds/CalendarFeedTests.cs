using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Security;
using IcalCalendar = Ical.Net.Calendar;

namespace SpasmCare.Tests.Features.Scheduling.Feeds;

/// <summary>
/// The practitioner's iCalendar feed: a secret address made and revoked on /Calendar, read by an ordinary calendar
/// library, with UTC times, a stable UID, the reschedule count as SEQUENCE, and initials instead of patient names.
/// </summary>
public abstract class CalendarFeedTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Makes a feed address on /Calendar as <paramref name="client"/>; returns the token shown once.</summary>
    private static async Task<string> CreateAsync(HttpClient client, string query = "")
    {
        var response = await client.PostFormAsync("/Calendar" + query, [], "/Calendar" + query + (query.Length == 0 ? "?" : "&") + "handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("initials only", html, StringComparison.Ordinal);
        var url = Assert.Single(PageHtml.Secrets(html));
        Assert.Matches("^http://localhost/Calendar/[A-Za-z0-9_-]{43}\\.ics$", url);
        return url["http://localhost/Calendar/".Length..^".ics".Length];
    }

    [Fact]
    public async Task Feed_ParsedByIcalNet_UtcTimesUidSequenceInitialsOnly_AndTheReadIsAudited()
    {
        var kolkata = await app.AddSiteAsync();
        var newYork = await app.AddSiteAsync("America/New_York");
        var siteNames = await app.WithDbAsync(db => db.Sites.Where(s => s.Id == kolkata || s.Id == newYork).ToDictionaryAsync(s => s.Id, s => s.Name));
        var doctorId = await app.AddPractitionerAsync();
        var otherId = await app.AddPractitionerAsync();
        var patient = await app.AddPatientAsync();
        var start1 = new DateTime(2026, 12, 1, 4, 30, 0, DateTimeKind.Utc);
        var start2 = new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Utc);
        var booked = await app.AddAppointmentAsync(patient.Id, kolkata, doctorId, start1, rescheduled: 2);
        var checkedIn = await app.AddAppointmentAsync(patient.Id, newYork, doctorId, start2, AppointmentTypeSeed.FollowUp, AppointmentStatus.CheckedIn);
        await app.AddAppointmentAsync(patient.Id, kolkata, doctorId, start1.AddHours(2), status: AppointmentStatus.Cancelled);
        await app.AddAppointmentAsync(patient.Id, kolkata, doctorId, start1.AddDays(200));
        await app.AddAppointmentAsync(patient.Id, kolkata, doctorId, start1.AddDays(-40), status: AppointmentStatus.Booked);
        await app.AddAppointmentAsync(patient.Id, kolkata, otherId, start1.AddHours(3));
        var token = await CreateAsync(app.CreateClient(Roles.Admin), $"?resourceId={doctorId}");

        var response = await Anonymous().GetAsync($"/Calendar/{token}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(patient.GivenName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patient.FamilyName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patient.Mrn, text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text);
        var calendar = IcalCalendar.Load(text)!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(2, events.Count);
        var initials = $"{char.ToUpperInvariant(patient.GivenName[0])}.{char.ToUpperInvariant(patient.FamilyName[0])}.";

        Assert.Equal($"{booked:D}@spasmcare", events[0].Uid);
        Assert.Equal(start1, events[0].DtStart!.AsUtc);
        Assert.Equal(start1.AddMinutes(20), events[0].DtEnd!.AsUtc);
        Assert.True(events[0].DtStart!.IsUtc);
        Assert.Equal(2, events[0].Sequence);
        Assert.Equal($"Injection visit – {initials}", events[0].Summary);
        Assert.Equal(siteNames[kolkata], events[0].Location);

        Assert.Equal($"{checkedIn:D}@spasmcare", events[1].Uid);
        Assert.Equal(start2, events[1].DtStart!.AsUtc);
        Assert.Equal(0, events[1].Sequence);
        Assert.Equal($"Follow-up – {initials}", events[1].Summary);
        Assert.Equal(siteNames[newYork], events[1].Location);

        var stored = await app.WithDbAsync(db => db.CalendarFeedTokens.AsNoTracking().SingleAsync(t => t.ResourceId == doctorId));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.NotNull(stored.LastUsedAtUtc);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == doctorId.ToString()).ToListAsync());
        Assert.Single(audit, e => e.Action == AuditAction.CalendarFeedCreated && e.ActorId == TestAuthHandler.UserIdOf(Roles.Admin));
        var read = Assert.Single(audit, e => e.Action == AuditAction.CalendarFeedRead);
        Assert.Null(read.ActorId);
        Assert.Null(read.PatientId);
        Assert.Equal("calendar feed, 2 appointments", read.Detail);
        Assert.DoesNotContain(audit, e => e.Detail?.Contains(token, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Feed_RevokedOrReplacedOrUnknown_IsNotFoundAtOnce()
    {
        var doctorId = await app.AddPractitionerAsync();
        var admin = app.CreateClient(Roles.Admin);
        var query = $"?resourceId={doctorId}";
        var first = await CreateAsync(admin, query);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync($"/Calendar/{first}.ics")).StatusCode);

        var second = await CreateAsync(admin, query);

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync($"/Calendar/{first}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync($"/Calendar/{second}.ics")).StatusCode);

        (await admin.PostFormAsync("/Calendar" + query, [], $"/Calendar{query}&handler=Revoke")).EnsureRedirect();

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync($"/Calendar/{second}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync($"/Calendar/{CalendarFeed.NewToken()}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync("/Calendar/short.ics")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CalendarFeedTokens.CountAsync(t => t.ResourceId == doctorId && t.RevokedAtUtc == null)));
        Assert.Contains("No address is active.", await admin.GetStringAsync("/Calendar" + query), StringComparison.Ordinal);
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == doctorId.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == AuditAction.CalendarFeedCreated));
        Assert.Equal(1, actions.Count(a => a == AuditAction.CalendarFeedRevoked));
        Assert.Equal(2, actions.Count(a => a == AuditAction.CalendarFeedRead));
    }

    [Fact]
    public async Task FeedPage_PractitionerManagesOnlyTheirOwn_FrontDeskIsDenied()
    {
        var mine = await app.PractitionerOfTestUserAsync(Roles.Doctor);
        var someoneElse = await app.AddPractitionerAsync();
        var doctor = app.CreateClient(Roles.Doctor);

        Assert.Contains("Calendar feed for Test Doctor", await doctor.GetStringAsync("/Calendar"), StringComparison.Ordinal);
        var token = await CreateAsync(doctor);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync($"/Calendar/{token}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Calendar?resourceId={someoneElse}")).StatusCode);
        var nurse = await app.CreateClient(Roles.Nurse).GetStringAsync("/Calendar");
        Assert.Contains("You are not in the schedule as a practitioner yet.", nurse, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await app.CreateClient(Roles.FrontDesk).GetAsync("/Calendar")), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.CalendarFeedCreated && e.SubjectId == mine.ToString() && e.ActorId == TestAuthHandler.UserIdOf(Roles.Doctor))));
    }
}

public sealed class CalendarFeedTestsOnSqlite(SqliteAppFactory app) : CalendarFeedTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class CalendarFeedTestsOnPostgres(PostgresAppFactory app) : CalendarFeedTests<PostgresAppFactory>(app);

/// <summary>The iCalendar text itself: folding and escaping that a calendar library reads back exactly.</summary>
public sealed class CalendarFeedWriterTests
{
    [Fact]
    public void Write_LongTextWithSpecialCharacters_FoldsAt75OctetsAndReadsBackExactly()
    {
        var site = "Jaslok Hospital; Dept. of Neurosurgery, 15 Dr G Deshmukh Marg, Pedder Road — मुंबई \\ Mumbai 400026";
        var events = new[]
        {
            new CalendarFeed.Event(Guid.NewGuid(), new DateTime(2026, 12, 1, 4, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 7, 30, 0, DateTimeKind.Utc),
                1, "MVD surgery", "Ana-Maria", "D'Souza", site, AppointmentStatus.Booked, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)),
        };

        var text = CalendarFeed.Write("Dr Priya Deshpande, Neurology", events, new DateTime(2026, 11, 24, 4, 30, 0, DateTimeKind.Utc));

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"Line over 75 octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var calendar = IcalCalendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal(site, e.Location);
        Assert.Equal("MVD surgery – A.M.D.S.", e.Summary);
        Assert.Equal(1, e.Sequence);
        Assert.Equal(new DateTime(2026, 12, 1, 7, 30, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
    }
}
