using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Messaging;

/// <summary>
/// The pages and the webhook of patient messages: STOP and START replies, the per-channel consent page, and the
/// template and reminder settings admin.
/// </summary>
public abstract class MessagingPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : MessagingAppFactory
{
    [Fact]
    public async Task SmsReply_StopThenStart_OptsEveryPatientWithTheNumberOutThenInAndAuditsEach()
    {
        var mobile = TestData.UniqueMobile();
        var first = await app.AddPatientAsync(mobile: mobile);
        var second = await app.AddPatientAsync(sms: null, mobile: mobile);
        var bystander = await app.AddPatientAsync();
        var gateway = Gateway();

        var stop = await gateway.PostAsJsonAsync(SmsInbound.Route, new { from = "+91 " + mobile, text = " stop all " });

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        var choices = await SmsChoicesAsync(first.Id, second.Id, bystander.Id);
        Assert.False(choices[first.Id].OptedIn);
        Assert.False(choices[second.Id].OptedIn);
        Assert.True(choices[bystander.Id].OptedIn);
        Assert.All(new[] { choices[first.Id], choices[second.Id] }, c =>
        {
            Assert.Equal(ContactPreferenceSource.PatientReply, c.Source);
            Assert.Null(c.ChangedBy);
        });
        Assert.Equal(2, await CountAsync(AuditAction.ContactPreferenceChanged, first.Id, second.Id));

        // Marathi/Hindi "बंद" from a number with no patient changes nothing; START (form post, Twilio-style) opts back in.
        var unknown = await gateway.PostAsync(SmsInbound.Route, new FormUrlEncodedContent(new Dictionary<string, string>
            { ["From"] = "+91" + TestData.UniqueMobile(), ["Body"] = "बंद" }));
        var start = await gateway.PostAsync(SmsInbound.Route, new FormUrlEncodedContent(new Dictionary<string, string>
            { ["From"] = "0" + mobile, ["Body"] = "START" }));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        choices = await SmsChoicesAsync(first.Id, second.Id);
        Assert.True(choices[first.Id].OptedIn);
        Assert.True(choices[second.Id].OptedIn);
        Assert.Equal(4, await CountAsync(AuditAction.ContactPreferenceChanged, first.Id, second.Id));
    }

    [Fact]
    public async Task SmsReply_WrongOrMissingSecret_RefusedAndNothingChanges()
    {
        var patient = await app.AddPatientAsync();
        var body = new { from = "+91" + patient.Mobile, text = "STOP" };
        var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Sms-Secret", MessagingAppFactory.InboundSecret[..^1] + "x");

        var refused = await wrong.PostAsJsonAsync(SmsInbound.Route, body);
        var anonymous = await app.CreateClient().PostAsJsonAsync(SmsInbound.Route, body);
        var staffCookie = await app.CreateClient(Roles.FrontDesk).PostAsJsonAsync(SmsInbound.Route, body);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staffCookie.StatusCode);
        Assert.True((await SmsChoicesAsync(patient.Id))[patient.Id].OptedIn);
        Assert.Equal(0, await CountAsync(AuditAction.ContactPreferenceChanged, patient.Id));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.SmsReplyReceived && e.StatusCode == 401)) >= 3);
    }

    [Fact]
    public async Task ContactPreferencesPage_FrontDeskOptsInAndOutWithOneClick_AuditedWithThePatientAndStaleChoiceRefused()
    {
        var patient = await app.AddPatientAsync(Language.Hindi, sms: null, email: null);
        var desk = app.CreateClient(Roles.FrontDesk);
        var url = $"/Patients/{patient.Id}/ContactPreferences";

        var page = await (await desk.GetAsync(url)).HtmlAsync();

        Assert.Contains("Not asked", page, StringComparison.Ordinal);
        Assert.Contains("Opt in to SMS", page, StringComparison.Ordinal);
        Assert.Contains("Opt in to Email", page, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(AuditAction.ContactPreferencesViewed, patient.Id));

        var optIn = await desk.PostFormAsync(url, Choice(MessageChannel.Sms, true, null));
        Assert.Equal(HttpStatusCode.Redirect, optIn.StatusCode);
        var sms = (await SmsChoicesAsync(patient.Id))[patient.Id];
        Assert.True(sms.OptedIn);
        Assert.Equal(ContactPreferenceSource.Staff, sms.Source);
        Assert.Equal(TestAuthHandler.UserIdOf(Roles.FrontDesk), sms.ChangedBy);
        page = await (await desk.GetAsync(url)).HtmlAsync();
        Assert.Contains("Opt out of SMS", page, StringComparison.Ordinal);

        // A second desk still showing "not asked" posts an old choice: refused, nothing changed.
        var stale = await desk.PostFormAsync(url, Choice(MessageChannel.Sms, true, null));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this choice", await stale.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(sms.Version, (await SmsChoicesAsync(patient.Id))[patient.Id].Version);

        var optOut = await desk.PostFormAsync(url, Choice(MessageChannel.Sms, false, sms.Version));
        Assert.Equal(HttpStatusCode.Redirect, optOut.StatusCode);
        Assert.False((await SmsChoicesAsync(patient.Id))[patient.Id].OptedIn);
        Assert.Equal(2, await CountAsync(AuditAction.ContactPreferenceChanged, patient.Id));
    }

    [Fact]
    public async Task ContactPreferencesPage_AdminForbiddenUnknownPatientNotFoundNurseAllowed()
    {
        var patient = await app.AddPatientAsync();
        var unknown = Guid.NewGuid();

        var admin = await app.CreateClient(Roles.Admin).GetAsync($"/Patients/{patient.Id}/ContactPreferences");
        var missing = await app.CreateClient(Roles.Doctor).GetAsync($"/Patients/{unknown}/ContactPreferences");
        var nurse = await app.CreateClient(Roles.Nurse).GetAsync($"/Patients/{patient.Id}/ContactPreferences");
        var post = await app.CreateClient(Roles.Admin).PostAsync($"/Patients/{patient.Id}/ContactPreferences",
            new FormUrlEncodedContent(Choice(MessageChannel.Sms, false, null)));

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(admin), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nurse.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(post), StringComparison.Ordinal);
        Assert.True((await SmsChoicesAsync(patient.Id))[patient.Id].OptedIn);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ContactPreferencesViewed && e.PatientId == unknown && e.StatusCode == 404)));
    }

    [Fact]
    public async Task PatientPage_MessagesCard_ShowsTheChoicesAndTheLinkToSchedulingRolesOnly_AndAuditsTheRead()
    {
        var patient = await app.AddPatientAsync(sms: true, email: false);
        var link = $"/Patients/{patient.Id}/ContactPreferences";

        var desk = await (await app.CreateClient(Roles.FrontDesk).GetAsync($"/Patients/Details/{patient.Id}")).HtmlAsync();
        var admin = await (await app.CreateClient(Roles.Admin).GetAsync($"/Patients/Details/{patient.Id}")).HtmlAsync();

        Assert.Contains("<strong>SMS:</strong> Opted in</li>", desk, StringComparison.Ordinal);
        Assert.Contains("<strong>Email:</strong> Opted out · not sent</li>", desk, StringComparison.Ordinal);
        Assert.Contains(link, desk, StringComparison.Ordinal);
        Assert.DoesNotContain(link, admin, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(AuditAction.ContactPreferencesViewed, patient.Id));
    }

    [Fact]
    public async Task TemplateAdmin_UnknownPlaceholderRefusedAndNothingSaved_PreviewShowsSampleValues_GoodEditSavedAndAudited()
    {
        var admin = app.CreateClient(Roles.Admin);
        var template = await app.WithDbAsync(db => db.MessageTemplates.AsNoTracking().SingleAsync(t =>
            t.Key == MessageTemplates.AppointmentReminder && t.Channel == MessageChannel.Sms && t.Language == Language.Hindi));
        var url = $"/Admin/Messages/Edit/{template.Id}";

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await app.CreateClient(Roles.FrontDesk).GetAsync("/Admin/Messages")), StringComparison.Ordinal);
        var list = await (await admin.GetAsync("/Admin/Messages")).HtmlAsync();
        Assert.Contains("2 days, 3 hours", list, StringComparison.Ordinal);
        Assert.Equal(12, await app.WithDbAsync(db => db.MessageTemplates.CountAsync()));

        var bad = await admin.PostFormAsync(url, Fields("नमस्ते {pateint} जी, {date} {time}", template.Version));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("{pateint} is not a placeholder of this message", await bad.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(template.Body, await BodyAsync(template.Id));

        var preview = await admin.PostFormAsync(url, Fields("नमस्ते {patient} जी, {date} को {time} बजे। STOP", template.Version), url + "?handler=Preview");
        Assert.Contains("नमस्ते सीमा जी, गुरुवार, 3 दिसंबर 2026 को 10:30 बजे। STOP", await preview.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(template.Body, await BodyAsync(template.Id));

        var saved = await admin.PostFormAsync(url, Fields("{site}: नमस्ते {patient} जी, {date} को {time} बजे। STOP भेजें।", template.Version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("{site}: नमस्ते {patient} जी, {date} को {time} बजे। STOP भेजें।", await BodyAsync(template.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.MessageTemplateUpdated && e.SubjectId == template.Id.ToString())));

        // Saved from a page opened before that change: refused, the newer text stays.
        var stale = await admin.PostFormAsync(url, Fields("{patient}", template.Version));
        Assert.Contains("Someone else changed this template", await stale.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("{site}: नमस्ते {patient} जी, {date} को {time} बजे। STOP भेजें।", await BodyAsync(template.Id));

        await app.WithDbAsync(async db =>
        {
            var t = await db.MessageTemplates.SingleAsync(x => x.Id == template.Id);
            t.Body = template.Body;
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task ReminderSettings_BadLeadTimeRefusedAndNothingChanged_GoodOnesStoredAndUsed()
    {
        var admin = app.CreateClient(Roles.Admin);
        try
        {
            var bad = await admin.PostFormAsync("/Admin/Messages", new Dictionary<string, string> { ["LeadTimes"] = "2 weeks" });

            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("is not a lead time", await bad.HtmlAsync(), StringComparison.Ordinal);
            Assert.Null(await StoredLeadTimesAsync());

            var good = await admin.PostFormAsync("/Admin/Messages", new Dictionary<string, string> { ["LeadTimes"] = "1 day and 90 minutes" });

            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
            Assert.Equal("1d,90m", await StoredLeadTimesAsync());
            var site = await app.AddClinicAsync();
            var patient = await app.AddPatientAsync(email: false);
            var start = app.Now.AddDays(3);
            var rows = await app.MessagesOfAppointmentAsync(await app.BookAsync(patient.Id, site.Id, await app.AddPractitionerAsync(), start));
            Assert.Equal([start.AddDays(-1), start.AddMinutes(-90)], rows.Select(r => r.NextAttemptAtUtc));
            Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.ReminderSettingsChanged)));
        }
        finally
        {
            await app.WithDbAsync(db => db.Settings.Where(s => s.Key == ReminderSettings.LeadTimesKey).ExecuteDeleteAsync());
        }
    }

    private HttpClient Gateway()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Sms-Secret", MessagingAppFactory.InboundSecret);
        return client;
    }

    private Task<Dictionary<Guid, ContactPreference>> SmsChoicesAsync(params Guid[] patients) =>
        app.WithDbAsync(db => db.ContactPreferences.AsNoTracking()
            .Where(c => patients.Contains(c.PatientId) && c.Channel == MessageChannel.Sms)
            .ToDictionaryAsync(c => c.PatientId));

    private Task<int> CountAsync(AuditAction action, params Guid[] patients) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == action && e.StatusCode == 200 && e.PatientId != null && patients.Contains(e.PatientId.Value)));

    private Task<string> BodyAsync(Guid id) =>
        app.WithDbAsync(db => db.MessageTemplates.AsNoTracking().Where(t => t.Id == id).Select(t => t.Body).SingleAsync());

    private Task<string?> StoredLeadTimesAsync() =>
        app.WithDbAsync(db => db.Settings.AsNoTracking().Where(s => s.Key == ReminderSettings.LeadTimesKey).Select(s => s.Value).FirstOrDefaultAsync());

    private static Dictionary<string, string> Fields(string body, Guid version) => new()
    {
        ["Input.Subject"] = "",
        ["Input.Body"] = body,
        ["Input.Version"] = version.ToString(),
    };

    private static Dictionary<string, string> Choice(MessageChannel channel, bool optIn, Guid? version) => new()
    {
        ["Input.Channel"] = channel.ToString(),
        ["Input.OptIn"] = optIn ? "true" : "false",
        ["Input.Version"] = version?.ToString() ?? "",
    };
}

public sealed class MessagingPagesTestsOnSqlite(SqliteMessagingAppFactory app) : MessagingPagesTests<SqliteMessagingAppFactory>(app);

public sealed class MessagingPagesTestsOnPostgres(PostgresMessagingAppFactory app) : MessagingPagesTests<PostgresMessagingAppFactory>(app);
