using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Recall;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Recall;

/// <summary>
/// The recall list (/Recall) and working it (/Recall/Patient/{id}) on the fake clock. Each test works at a site of its
/// own and filters by reason, since the clock (which some tests move) brings other tests' patients onto the list too.
/// </summary>
public abstract partial class RecallListTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    // Columns of the list: patient, MRN, mobile, reason, site, due, days overdue, last contact, actions.
    private const int ReasonColumn = 3;
    private const int SiteColumn = 4;
    private const int DueColumn = 5;
    private const int OverdueColumn = 6;
    private const int LastContactColumn = 7;

    [Fact]
    public async Task Reinjection_AppearsWhenDue_LeavesWhenBookedAhead_AndComesBackWhenThatIsCancelled()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var siteId = await app.AddSiteAsync();
        var productId = await app.AddToxinProductAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var sessionId = await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-60));

        var notYet = await ListAsync(client, siteId, RecallReason.Reinjection);
        app.Time.Advance(TimeSpan.FromDays(30));
        var dueHtml = await ListHtmlAsync(client, siteId, RecallReason.Reinjection);
        var due = PageHtml.TableRows(dueHtml);
        var appointmentId = await app.AddAppointmentAsync(patientId, siteId, app.ClinicToday().AddDays(3), AppointmentStatus.Booked, "injection-visit");
        var booked = await ListAsync(client, siteId, RecallReason.Reinjection);
        await app.SetAppointmentStatusAsync(appointmentId, AppointmentStatus.Cancelled);
        var cancelled = await ListAsync(client, siteId, RecallReason.Reinjection);

        Assert.Empty(notYet);
        var row = Assert.Single(due);
        Assert.Equal("Re-injection", row[ReasonColumn]);
        Assert.Equal(Shown(app.ClinicToday().AddDays(-6)), row[DueColumn]);
        Assert.Equal("6", row[OverdueColumn]);
        Assert.Equal("Not contacted yet", row[LastContactColumn]);
        Assert.Contains($"href=\"/Schedule/Book?patientId={patientId}&type=injection-visit&siteId={siteId}&source=Recall&sourceKey=reinjection%3A{sessionId}\"",
            dueHtml, StringComparison.Ordinal);
        Assert.Empty(booked);
        Assert.Single(cancelled);
    }

    [Fact]
    public async Task PostOperativeFollowUp_AppearsWhenItsWindowOpens_AndLeavesWhenTheTaskCloses()
    {
        var client = app.CreateClient(Roles.Nurse);
        var hospitalId = await app.AddSiteAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var today = app.ClinicToday();
        var taskId = await app.AddMvdFollowUpTaskAsync(patientId, hospitalId, today.AddDays(2), today.AddDays(30));

        var notYet = await ListAsync(client, hospitalId, RecallReason.PostOperativeFollowUp);
        app.Time.Advance(TimeSpan.FromDays(3));
        var html = await ListHtmlAsync(client, hospitalId, RecallReason.PostOperativeFollowUp);
        await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Id == taskId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, FollowUpStatus.Done)));
        var closed = await ListAsync(client, hospitalId, RecallReason.PostOperativeFollowUp);

        Assert.Empty(notYet);
        var row = Assert.Single(PageHtml.TableRows(html));
        Assert.Equal("Post-operative follow-up (3 months)", row[ReasonColumn]);
        Assert.Equal("1", row[OverdueColumn]);
        Assert.Contains($"type=post-operative-review&siteId={hospitalId}&source=Recall&sourceKey=postop%3A{taskId}\"", html, StringComparison.Ordinal);
        Assert.Empty(closed);
    }

    [Fact]
    public async Task Reassessment_DueAfterTheIntervalWithoutAScore_FollowsTheSetting_AndLeavesWithANewScore()
    {
        var client = app.CreateClient(Roles.Doctor);
        var siteId = await app.AddSiteAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var unrelated = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var today = app.ClinicToday();
        await app.AddHfsDiagnosisAsync(patientId);
        var scoredOn = today.AddMonths(-7);
        await app.AddScoreAsync(patientId, scoredOn);
        await app.AddAppointmentAsync(patientId, siteId, scoredOn, AppointmentStatus.Completed);
        await app.AddScoreAsync(unrelated, scoredOn);   // scored long ago, but no HFS diagnosis nor toxin or MVD history
        await app.AddAppointmentAsync(unrelated, siteId, scoredOn, AppointmentStatus.Completed);

        var html = await ListHtmlAsync(client, siteId, RecallReason.Reassessment);
        var admin = app.CreateClient(Roles.Admin);
        (await admin.PostFormAsync("/Admin/RecallSettings", new Dictionary<string, string> { ["Input.ReassessmentMonths"] = "9" })).EnsureRedirect();
        var longer = await ListAsync(client, siteId, RecallReason.Reassessment);
        var refused = await admin.PostFormAsync("/Admin/RecallSettings", new Dictionary<string, string> { ["Input.ReassessmentMonths"] = "0" });
        var stored = await app.WithDbAsync(db => db.Settings.Where(s => s.Key == RecallSettings.ReassessmentMonthsKey).Select(s => s.Value).SingleAsync());
        (await admin.PostFormAsync("/Admin/RecallSettings", new Dictionary<string, string> { ["Input.ReassessmentMonths"] = "6" })).EnsureRedirect();
        var back = await ListAsync(client, siteId, RecallReason.Reassessment);
        await app.AddScoreAsync(patientId, today, "SMC", 2);
        var rescored = await ListAsync(client, siteId, RecallReason.Reassessment);

        var row = Assert.Single(PageHtml.TableRows(html));
        Assert.Equal("Scale re-assessment", row[ReasonColumn]);
        Assert.Equal(Shown(scoredOn.AddMonths(6)), row[DueColumn]);
        Assert.Contains($"type=follow-up&siteId={siteId}&source=Recall&sourceKey=reassess%3A{patientId}%3A{Iso(scoredOn)}\"", html, StringComparison.Ordinal);
        Assert.Empty(longer);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("9", stored);
        Assert.Single(back);
        Assert.Empty(rescored);
    }

    [Fact]
    public async Task MissedAppointment_ListedUntilALaterAppointment_ButNotForACancelledOne()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var siteId = await app.AddSiteAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var seenSince = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var today = app.ClinicToday();
        await app.AddAppointmentAsync(patientId, siteId, today.AddDays(-20), AppointmentStatus.NoShow);
        var missedId = await app.AddAppointmentAsync(patientId, siteId, today.AddDays(-4), AppointmentStatus.NoShow);
        await app.AddAppointmentAsync(patientId, siteId, today.AddDays(2), AppointmentStatus.Cancelled);
        await app.AddAppointmentAsync(seenSince, siteId, today.AddDays(-10), AppointmentStatus.NoShow);
        await app.AddAppointmentAsync(seenSince, siteId, today.AddDays(-5), AppointmentStatus.Completed);

        var html = await ListHtmlAsync(client, siteId, RecallReason.MissedAppointment);
        await app.AddAppointmentAsync(patientId, siteId, today.AddDays(5), AppointmentStatus.Booked);
        var rebooked = await ListAsync(client, siteId, RecallReason.MissedAppointment);

        var row = Assert.Single(PageHtml.TableRows(html));   // the latest no-show only, and not the patient seen since
        Assert.Equal("Missed appointment", row[ReasonColumn]);
        Assert.Equal(Shown(today.AddDays(-4)), row[DueColumn]);
        Assert.Equal("4", row[OverdueColumn]);
        Assert.Contains($"type=follow-up&siteId={siteId}&source=Recall&sourceKey=missed%3A{missedId}\"", html, StringComparison.Ordinal);
        Assert.Empty(rebooked);
    }

    [Fact]
    public async Task SiteFilter_IsThePatientsUsualSite_TheLatestAppointmentVisitOrSession()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var first = await app.AddSiteAsync();
        var usual = await app.AddSiteAsync();
        var productId = await app.AddToxinProductAsync();
        var patient = TestData.Patient();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(patient);
        await app.AddToxinSessionAsync(patientId, first, productId, app.ClinicToday().AddDays(-120));
        await app.AddAppointmentAsync(patientId, usual, app.ClinicToday().AddDays(-10), AppointmentStatus.Completed);

        var atFirst = await ListAsync(client, first, RecallReason.Reinjection);
        var atUsual = await ListAsync(client, usual, RecallReason.Reinjection);
        var everywhere = PageHtml.TableRows(await (await client.GetAsync("/Recall?reason=Reinjection")).HtmlAsync());
        var filtered = await (await client.GetAsync($"/Recall?site={usual}&reason=Reinjection")).HtmlAsync();

        Assert.Empty(atFirst);
        var row = Assert.Single(atUsual);
        var siteName = await app.WithDbAsync(db => db.Sites.Where(s => s.Id == usual).Select(s => s.Name).SingleAsync());
        Assert.Equal(siteName, row[SiteColumn]);
        Assert.Contains(everywhere, r => r[0] == patient.GivenName + " " + patient.FamilyName);
        // The filters stay in the query string of the page's links and in the form.
        Assert.Contains($"href=\"/Recall?site={usual}&reason=MissedAppointment\"", filtered, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Recall/Patient/{patientId}?site={usual}&reason=Reinjection\"", filtered, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{usual}\" selected=\"selected\">", filtered);
        Assert.Matches("<option value=\"Reinjection\" selected=\"selected\">", filtered);
    }

    [Fact]
    public async Task Postpone_HidesTheItemUntilTheDate_AndBadInputChangesNothing()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, patientId, key) = await MissedItemAsync();
        var page = $"/Recall/Patient/{patientId}";

        var past = await client.PostFormAsync(page, Postpone(key, app.ClinicToday().AddDays(-1), "Travelling"), page + "?handler=Postpone");
        var noReason = await client.PostFormAsync(page, Postpone(key, app.ClinicToday().AddDays(10), ""), page + "?handler=Postpone");
        var tooFar = await client.PostFormAsync(page, Postpone(key, app.ClinicToday().AddDays(400), "Abroad"), page + "?handler=Postpone");
        var unchanged = await app.WithDbAsync(db => db.RecallActions.CountAsync(a => a.PatientId == patientId));
        var stillListed = await ListAsync(client, siteId, RecallReason.MissedAppointment);
        var postponed = await client.PostFormAsync(page, Postpone(key, app.ClinicToday().AddDays(10), "Travelling until next week"),
            page + "?handler=Postpone");
        var hidden = await ListAsync(client, siteId, RecallReason.MissedAppointment);
        app.Time.Advance(TimeSpan.FromDays(9));
        var stillHidden = await ListAsync(client, siteId, RecallReason.MissedAppointment);
        app.Time.Advance(TimeSpan.FromDays(1));
        var back = await ListAsync(client, siteId, RecallReason.MissedAppointment);
        var history = await (await client.GetAsync(page)).HtmlAsync();

        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        SurgeryTestData.AssertErrorBeside(await past.HtmlAsync(), "postpone.Until", "Choose a date after today.");
        SurgeryTestData.AssertErrorBeside(await noReason.HtmlAsync(), "postpone.Reason", "Give the reason");
        SurgeryTestData.AssertErrorBeside(await tooFar.HtmlAsync(), "postpone.Until", "Choose a date within a year.");
        Assert.Equal(0, unchanged);
        Assert.Single(stillListed);
        Assert.Equal(page, Redirects.LocationOf(postponed));
        Assert.Empty(hidden);
        Assert.Empty(stillHidden);
        var row = Assert.Single(back);
        Assert.StartsWith("Postponed", row[LastContactColumn], StringComparison.Ordinal);
        Assert.Contains("Travelling until next week", history, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.PatientId == patientId && e.Action == AuditAction.RecallPostponed && e.Outcome == AuditOutcome.Succeeded).ToListAsync());
        Assert.Equal(key, Assert.Single(audit, e => e.SubjectType == RecallList.Subject && e.StatusCode == 200).SubjectId);
    }

    [Fact]
    public async Task Calls_AreKeptAsHistory_DeclinedHidesTheItemUntilItChanges()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, patientId, key) = await MissedItemAsync();
        var page = $"/Recall/Patient/{patientId}";

        var noOutcome = await client.PostFormAsync(page, Call(key, "", "tried"), page + "?handler=Call");
        var nothing = await app.WithDbAsync(db => db.RecallActions.CountAsync(a => a.PatientId == patientId));
        (await client.PostFormAsync(page, Call(key, "NoAnswer"), page + "?handler=Call")).EnsureRedirect();
        (await client.PostFormAsync(page, Call(key, "LeftMessage", "Asked to call back about a new date"), page + "?handler=Call")).EnsureRedirect();
        var afterCalls = Assert.Single(await ListAsync(client, siteId, RecallReason.MissedAppointment));
        var history = PageHtml.TableRows(await (await client.GetAsync(page)).HtmlAsync());
        (await client.PostFormAsync(page, Call(key, "Declined"), page + "?handler=Call")).EnsureRedirect();
        var declined = await ListAsync(client, siteId, RecallReason.MissedAppointment);
        var newMissed = await app.AddAppointmentAsync(patientId, siteId, app.ClinicToday().AddDays(-1), AppointmentStatus.NoShow);
        var changed = await ListHtmlAsync(client, siteId, RecallReason.MissedAppointment);

        SurgeryTestData.AssertErrorBeside(await noOutcome.HtmlAsync(), "call.Outcome", "Choose the outcome of the call.");
        Assert.Equal(0, nothing);
        Assert.StartsWith("Left a message", afterCalls[LastContactColumn], StringComparison.Ordinal);
        Assert.Contains("2 attempts", afterCalls[LastContactColumn], StringComparison.Ordinal);
        Assert.Equal(2, history.Count);
        Assert.Equal("Left a message", history[0][1]);
        Assert.Equal("Asked to call back about a new date", history[0][2]);
        Assert.Equal("No answer", history[1][1]);
        Assert.Empty(declined);
        Assert.Single(PageHtml.TableRows(changed));
        Assert.Contains("sourceKey=missed%3A" + newMissed, changed, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.PatientId == patientId && e.Action == AuditAction.RecallCallRecorded && e.Outcome == AuditOutcome.Succeeded && e.SubjectId == key)
            .CountAsync());
        Assert.Equal(3, audit);
    }

    [Fact]
    public async Task Pages_ForTheSchedulingRoles_DenyAdmins_404ForUnknownPatientsAndItems_AndAuditEachPatientShown()
    {
        var (siteId, patientId, key) = await MissedItemAsync();
        var other = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var client = app.CreateClient(Roles.FrontDesk);
        var page = $"/Recall/Patient/{patientId}";

        var allowed = new List<HttpStatusCode>();
        foreach (var role in new[] { Roles.FrontDesk, Roles.Doctor, Roles.Nurse })
        {
            allowed.Add((await app.CreateClient(role).GetAsync($"/Recall?site={siteId}")).StatusCode);
            allowed.Add((await app.CreateClient(role).GetAsync(page)).StatusCode);
        }

        var admin = app.CreateClient(Roles.Admin);
        var adminList = await admin.GetAsync("/Recall");
        var adminPatient = await admin.GetAsync(page);
        var frontDeskSettings = await client.GetAsync("/Admin/RecallSettings");
        var unknown = await client.GetAsync($"/Recall/Patient/{Guid.NewGuid()}");
        var otherPatientsItem = await client.PostFormAsync($"/Recall/Patient/{other}", Call(key, "NoAnswer"), $"/Recall/Patient/{other}?handler=Call");
        var unknownItem = await client.PostFormAsync(page, Call("missed:" + Guid.NewGuid(), "NoAnswer"), page + "?handler=Call");
        var booked = await client.PostFormAsync(page, Call(key, "Booked"), page + "?handler=Call");
        var actions = await app.WithDbAsync(db => db.RecallActions.CountAsync(a => a.PatientId == patientId || a.PatientId == other));

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        SurgeryTestData.AssertDenied(adminList);
        SurgeryTestData.AssertDenied(adminPatient);
        SurgeryTestData.AssertDenied(frontDeskSettings);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPatientsItem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        SurgeryTestData.AssertErrorBeside(await booked.HtmlAsync(), "call.Outcome", "Choose the outcome of the call.");
        Assert.Equal(0, actions);
        var reads = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.PatientId == patientId && e.Outcome == AuditOutcome.Succeeded)
            .Select(e => e.Action).ToListAsync());
        Assert.Equal(3, reads.Count(a => a == AuditAction.RecallListViewed));
        Assert.Contains(AuditAction.RecallItemsViewed, reads);
    }

    [Fact]
    public async Task HomePage_CountsWhatIsDueNowPerReason_EachLinkingIntoTheFilteredList()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var before = await HomeCountsAsync(client);
        var (siteId, patientId, _) = await MissedItemAsync();
        var productId = await app.AddToxinProductAsync();
        await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-100));
        var after = await HomeCountsAsync(client);
        var adminHome = await (await app.CreateClient(Roles.Admin).GetAsync("/")).HtmlAsync();
        var listed = await (await client.GetAsync("/Recall?site=mine&reason=MissedAppointment")).HtmlAsync();

        Assert.Equal(before[RecallReason.MissedAppointment] + 1, after[RecallReason.MissedAppointment]);
        Assert.Equal(before[RecallReason.Reinjection] + 1, after[RecallReason.Reinjection]);
        Assert.Equal(before[RecallReason.PostOperativeFollowUp], after[RecallReason.PostOperativeFollowUp]);
        Assert.DoesNotContain("/Recall?site=mine", adminHome, StringComparison.Ordinal);
        Assert.Contains($"Missed appointment ({after[RecallReason.MissedAppointment]})", listed, StringComparison.Ordinal);
    }

    /// <summary>A patient at a new site whose appointment four days ago was a no-show: one missed-appointment item.</summary>
    private async Task<(Guid SiteId, Guid PatientId, string Key)> MissedItemAsync()
    {
        var siteId = await app.AddSiteAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var appointmentId = await app.AddAppointmentAsync(patientId, siteId, app.ClinicToday().AddDays(-4), AppointmentStatus.NoShow);
        return (siteId, patientId, "missed:" + appointmentId);
    }

    private async Task<Dictionary<RecallReason, int>> HomeCountsAsync(HttpClient client)
    {
        var html = await (await client.GetAsync("/")).HtmlAsync();
        return Enum.GetValues<RecallReason>().ToDictionary(r => r, r =>
        {
            var match = Regex.Match(html, $"href=\"/Recall\\?site=mine&reason={r}\">\\s*<div class=\"value\">([0-9,]+)</div>");
            Assert.True(match.Success, $"no count for {r}");
            return int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        });
    }

    private static Dictionary<string, string> Postpone(string key, DateOnly until, string reason) => new()
    {
        ["postpone.ItemKey"] = key,
        ["postpone.Until"] = Iso(until),
        ["postpone.Reason"] = reason,
    };

    private static Dictionary<string, string> Call(string key, string outcome, string note = "") => new()
    {
        ["call.ItemKey"] = key,
        ["call.Outcome"] = outcome,
        ["call.Note"] = note,
    };

    private static async Task<string> ListHtmlAsync(HttpClient client, Guid siteId, RecallReason reason)
    {
        var response = await client.GetAsync($"/Recall?site={siteId}&reason={reason}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    private static async Task<List<string[]>> ListAsync(HttpClient client, Guid siteId, RecallReason reason) =>
        PageHtml.TableRows(await ListHtmlAsync(client, siteId, reason));

    private static string Shown(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class RecallListTestsOnSqlite(SqliteAppFactory app) : RecallListTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class RecallListTestsOnPostgres(PostgresAppFactory app) : RecallListTests<PostgresAppFactory>(app);
