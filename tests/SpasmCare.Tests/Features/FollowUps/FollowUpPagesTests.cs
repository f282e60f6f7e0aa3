using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Features.Workup;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.FollowUps;

/// <summary>The follow-up worklist and cancelling a task. Each test works at a site of its own; dates follow the fake clock.</summary>
public abstract class FollowUpPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task List_OpenTasksOfEveryKind_LinkToThePagesThatCompleteThem()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (siteId, patientId, sessionId, mvdTask) = await TasksAsync();

        var html = await (await client.GetAsync($"/FollowUps?site={siteId}")).HtmlAsync();

        var rows = PageHtml.TableRows(html);
        Assert.Equal(2, rows.Count);
        Assert.Contains($"href=\"/Patients/{patientId}/Toxin/Sessions/{sessionId}/Reviews/New?answers=ToxinOnsetCheck\"", html, StringComparison.Ordinal);
        var mvdSource = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Id == mvdTask).Select(t => t.SourceId).SingleAsync());
        Assert.Contains($"href=\"/Patients/{patientId}/Surgery/Cases/{mvdSource}\"", html, StringComparison.Ordinal);
        Assert.Contains(rows, r => r[2] == "MVD follow-up: 3 months" && r[5] == "3 days overdue");
        Assert.Contains(rows, r => r[2] == "Toxin: onset check" && r[5] == "Due now");
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.FollowUpListViewed && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Theory]
    [InlineData("Overdue", new[] { "MVD follow-up: 3 months" })]
    [InlineData("Today", new[] { "Toxin: onset check" })]
    [InlineData("ThisWeek", new[] { "Toxin: onset check" })]
    [InlineData("All", new[] { "MVD follow-up: 3 months", "Toxin: onset check", "Toxin: peak review" })]
    public async Task List_Window_ShowsTheTasksDueInIt(string window, string[] expected)
    {
        var client = app.CreateClient(Roles.Doctor);
        var (siteId, _, _, _) = await TasksAsync();

        var html = await client.GetStringAsync($"/FollowUps?site={siteId}&window={window}");

        Assert.Equal(expected, PageHtml.TableRows(html).Select(r => r[2]).Order(StringComparer.Ordinal));
        Assert.Contains($"href=\"/FollowUps?site={siteId}&window=All\"", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task List_WithoutClinicalAccess_IsDenied(string role)
    {
        var (_, _, _, taskId) = await TasksAsync();
        var client = app.CreateClient(role);

        var list = await client.GetAsync("/FollowUps");
        var cancel = await client.GetAsync($"/FollowUps/{taskId}/Cancel");

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(list), StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_WithReason_CancelsTheTaskAuditsItAndReturnsToTheList()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (siteId, patientId, _, taskId) = await TasksAsync();
        var back = $"/FollowUps?site={siteId}&window=Overdue";

        var response = await client.PostWithVersionAsync($"/FollowUps/{taskId}/Cancel?returnUrl={Uri.EscapeDataString(back)}",
            new Dictionary<string, string> { ["Input.Reason"] = "Seen at another hospital", ["ReturnUrl"] = back });

        Assert.Equal(back, Redirects.LocationOf(response));
        var task = await app.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == taskId));
        Assert.Equal(FollowUpStatus.Cancelled, task.Status);
        Assert.Equal("Cancelled: Seen at another hospital", task.Note);
        Assert.NotNull(task.ClosedAtUtc);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.FollowUpCancelled && e.Outcome == AuditOutcome.Succeeded));
        Assert.Equal(taskId.ToString(), audit.SubjectId);
        Assert.Empty(PageHtml.TableRows(await client.GetStringAsync(back)));
    }

    [Fact]
    public async Task Cancel_WithoutReason_ChangesNothing()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (_, _, _, taskId) = await TasksAsync();

        var response = await client.PostWithVersionAsync($"/FollowUps/{taskId}/Cancel", new Dictionary<string, string> { ["Input.Reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the reason", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Open, await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Cancel_StaleVersion_IsRefusedAndChangesNothing()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (_, _, _, taskId) = await TasksAsync();

        var response = await client.PostFormAsync($"/FollowUps/{taskId}/Cancel", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Declined",
            ["Input.Version"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this task after you opened it.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Open, await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Cancel_ReturnUrlElsewhere_GoesBackToTheWorklistInstead()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (_, _, _, taskId) = await TasksAsync();

        var response = await client.PostWithVersionAsync($"/FollowUps/{taskId}/Cancel",
            new Dictionary<string, string> { ["Input.Reason"] = "Declined", ["ReturnUrl"] = "https://example.com/FollowUps" });

        Assert.Equal("/FollowUps", Redirects.LocationOf(response));
    }

    [Fact]
    public async Task Cancel_TaskAlreadyDone_Returns404()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (_, _, _, taskId) = await TasksAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.FollowUpTasks.SingleAsync(t => t.Id == taskId)).Status = FollowUpStatus.Done;
            return await db.SaveChangesAsync();
        });

        var response = await client.GetAsync($"/FollowUps/{taskId}/Cancel");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// At a new site: a toxin session 4 days ago (its onset check is due now, its peak review opens in 10 days) and an MVD
    /// 3-month follow-up whose window ended 3 days ago.
    /// </summary>
    private async Task<(Guid SiteId, Guid PatientId, Guid SessionId, Guid MvdTaskId)> TasksAsync()
    {
        var siteId = await app.AddSiteAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var today = app.ClinicToday();
        var sessionId = await app.AddToxinSessionAsync(patientId, siteId, await app.AddToxinProductAsync(), today.AddDays(-4));
        var mvd = await app.AddMvdFollowUpTaskAsync(patientId, siteId, today.AddDays(-17), today.AddDays(-3));
        return (siteId, patientId, sessionId, mvd);
    }
}

public sealed class FollowUpPagesTestsOnSqlite(SqliteAppFactory app) : FollowUpPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class FollowUpPagesTestsOnPostgres(PostgresAppFactory app) : FollowUpPagesTests<PostgresAppFactory>(app);
