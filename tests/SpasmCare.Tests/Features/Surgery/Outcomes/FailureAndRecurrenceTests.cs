using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;
using static SpasmCare.Tests.Infrastructure.MvdOutcomeTestData;

namespace SpasmCare.Tests.Features.Surgery.Outcomes;

/// <summary>Declaring an operation failed and recording a recurrence (doctors only; the clock says 24 November 2026).</summary>
public abstract class FailureAndRecurrenceTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private async Task<(Guid PatientId, Guid CaseId)> OperatedAsync(string operatedOn = "2026-06-01")
    {
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var caseId = await OperatedCaseAsync(app, patientId, await HospitalAsync(app), Date(operatedOn));
        return (patientId, caseId);
    }

    private static string Url(Guid patientId, Guid caseId, string page) => $"/Patients/{patientId}/Surgery/Cases/{caseId}/{page}";

    private async Task<string> VersionAsync(HttpClient client, string url) => PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");

    [Fact]
    public async Task DeclareFailed_Doctor_SetsTheFlagAndReasonAndAuditsIt()
    {
        var (patientId, caseId) = await OperatedAsync();
        await FollowUpAsync(app, patientId, caseId, "3 months", Date("2026-09-01"), SpasmStatus.Unchanged);
        var client = app.CreateClient(Roles.Doctor);
        var url = Url(patientId, caseId, "DeclareFailed");
        var page = await client.GetStringAsync(url);
        Assert.Contains("Not yet cured, within the 12-month window", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Reason"] = "Spasm unchanged at 3 months; LSR persisted. Planning a redo.",
            ["Input.Version"] = PageHtml.ValueOf(page, "Input.Version"),
        });

        Assert.Equal($"/Patients/{patientId}/Surgery/Cases/{caseId}#mvd-course", Redirects.LocationOf(response));
        var c = await app.WithDbAsync(db => db.MvdCases.SingleAsync(x => x.Id == caseId));
        Assert.True(c.DeclaredFailed);
        Assert.Equal("Spasm unchanged at 3 months; LSR persisted. Planning a redo.", c.DeclaredFailedReason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdDeclaredFailed
            && e.Outcome == AuditOutcome.Succeeded && e.SubjectId == caseId.ToString())));
    }

    [Theory]
    [InlineData("", "Give the reason")]
    [InlineData("ab", "The reason must be between 3 and 1000 characters.")]
    public async Task DeclareFailed_NoReason_SavesNothing(string reason, string message)
    {
        var (patientId, caseId) = await OperatedAsync();
        var client = app.CreateClient(Roles.Doctor);
        var url = Url(patientId, caseId, "DeclareFailed");

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Reason"] = reason,
            ["Input.Version"] = await VersionAsync(client, url),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdCases.Where(x => x.Id == caseId).Select(x => x.DeclaredFailed).SingleAsync()));
    }

    [Fact]
    public async Task DeclareFailed_AfterTheSpasmWasSeenGone_IsRefused()
    {
        var (patientId, caseId) = await OperatedAsync();
        await FollowUpAsync(app, patientId, caseId, "1 week", Date("2026-06-08"), SpasmStatus.Gone);
        var client = app.CreateClient(Roles.Doctor);
        var url = Url(patientId, caseId, "DeclareFailed");

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Reason"] = "Not better",
            ["Input.Version"] = await VersionAsync(client, url),
        });

        Assert.Contains("The spasm was seen gone on 8 Jun 2026: if it has come back, record a recurrence instead.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdCases.Where(x => x.Id == caseId).Select(x => x.DeclaredFailed).SingleAsync()));
    }

    [Fact]
    public async Task DeclareFailed_StaleVersion_IsRefused()
    {
        var (patientId, caseId) = await OperatedAsync();
        var client = app.CreateClient(Roles.Doctor);
        var url = Url(patientId, caseId, "DeclareFailed");
        var stale = await VersionAsync(client, url);
        await UpdateCaseAsync(app, caseId, c => c.DischargeSummary = "Edited meanwhile");

        var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "Unchanged", ["Input.Version"] = stale });

        Assert.Contains("Someone else changed this case after you opened it.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdCases.Where(x => x.Id == caseId).Select(x => x.DeclaredFailed).SingleAsync()));
    }

    [Fact]
    public async Task DeclareFailedAndRecurrence_Nurse_AreDeniedAndChangeNothing()
    {
        var (patientId, caseId) = await OperatedAsync();
        var nurse = app.CreateClient(Roles.Nurse);
        var doctor = app.CreateClient(Roles.Doctor);
        var token = FormPost.TokenOf(await doctor.GetStringAsync(Url(patientId, caseId, "DeclareFailed")));

        foreach (var page in new[] { "DeclareFailed", "Recurrence" })
        {
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await nurse.GetAsync(Url(patientId, caseId, page))), StringComparison.Ordinal);
            var post = await nurse.PostAsync(Url(patientId, caseId, page), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Reason"] = "Unchanged",
                ["Input.RecurredOn"] = "2026-11-01",
                ["__RequestVerificationToken"] = token,
            }));
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }

        var c = await app.WithDbAsync(db => db.MvdCases.SingleAsync(x => x.Id == caseId));
        Assert.Equal((false, (DateOnly?)null), (c.DeclaredFailed, c.RecurredOn));
    }

    [Fact]
    public async Task Recurrence_AfterACure_RecordsTheDateAndAuditsIt()
    {
        var (patientId, caseId) = await OperatedAsync();
        await FollowUpAsync(app, patientId, caseId, "1 week", Date("2026-06-08"), SpasmStatus.Gone);
        var client = app.CreateClient(Roles.Doctor);
        var url = Url(patientId, caseId, "Recurrence");
        var page = await client.GetStringAsync(url);
        Assert.Equal("2026-11-24", PageHtml.ValueOf(page, "Input.RecurredOn"));

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.RecurredOn"] = "2026-11-01",
            ["Input.Version"] = PageHtml.ValueOf(page, "Input.Version"),
        });

        response.EnsureRedirect();
        Assert.Equal(Date("2026-11-01"), await app.WithDbAsync(db => db.MvdCases.Where(x => x.Id == caseId).Select(x => x.RecurredOn).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdRecurrenceRecorded
            && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Theory]
    [InlineData(null, "2026-11-01", "A recurrence follows a cure")]
    [InlineData("2026-06-08", "2026-06-07", "The spasm was first seen gone on 8 Jun 2026; the recurrence must be on or after that.")]
    [InlineData("2026-06-08", "2026-11-25", "The date cannot be in the future.")]
    [InlineData("2026-06-08", "", "Enter the date the spasm came back.")]
    public async Task Recurrence_NotAfterACure_IsRefused(string? goneOn, string recurredOn, string message)
    {
        var (patientId, caseId) = await OperatedAsync();
        if (goneOn is not null)
        {
            await FollowUpAsync(app, patientId, caseId, "1 week", Date(goneOn), SpasmStatus.Gone);
        }

        var client = app.CreateClient(Roles.Doctor);
        var url = Url(patientId, caseId, "Recurrence");

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.RecurredOn"] = recurredOn,
            ["Input.Version"] = await VersionAsync(client, url),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.MvdCases.Where(x => x.Id == caseId).Select(x => x.RecurredOn).SingleAsync()));
    }

    [Fact]
    public async Task DeclareFailedAndRecurrence_AnotherPatientsCase_AreNotFound()
    {
        var (_, caseId) = await OperatedAsync();
        var client = app.CreateClient(Roles.Doctor);
        var other = await client.RegisterAsync(TestData.Patient());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(other, caseId, "DeclareFailed"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(other, caseId, "Recurrence"))).StatusCode);
    }

    [Fact]
    public async Task CasePage_AfterARecurrence_ShowsTheCourseAndOffersARedo()
    {
        var (patientId, caseId) = await OperatedAsync("2025-06-02");
        await FollowUpAsync(app, patientId, caseId, "1 week", Date("2025-06-09"), SpasmStatus.Gone);
        await FollowUpAsync(app, patientId, caseId, "12 months", Date("2026-06-02"), SpasmStatus.Gone);
        await UpdateCaseAsync(app, caseId, c => c.RecurredOn = Date("2026-10-01"));

        var html = await (await app.CreateClient(Roles.Doctor).GetAsync($"/Patients/{patientId}/Surgery/Cases/{caseId}")).HtmlAsync();

        Assert.Contains("Follow-up and outcome", html, StringComparison.Ordinal);
        Assert.Contains("Recurred", html, StringComparison.Ordinal);
        Assert.Contains("The spasm came back on 1 Oct 2026.", html, StringComparison.Ordinal);
        Assert.Contains($"/Patients/{patientId}/Surgery/Cases/New?redoOf={caseId}", html, StringComparison.Ordinal);
        Assert.Contains("Type 1", html, StringComparison.Ordinal);
        Assert.Contains("SKKU 2008", html, StringComparison.Ordinal);
        Assert.Contains("data-mvd-course-chart", html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdCaseRead
            && e.SubjectType == RecordFollowUp.Subject && e.SubjectId == caseId.ToString())));
    }

    [Fact]
    public async Task CasePage_NurseSeesTheCourseButNoDoctorActions()
    {
        var (patientId, caseId) = await OperatedAsync();
        await FollowUpAsync(app, patientId, caseId, "1 week", Date("2026-06-08"), SpasmStatus.AboutHalf);

        var html = await (await app.CreateClient(Roles.Nurse).GetAsync($"/Patients/{patientId}/Surgery/Cases/{caseId}")).HtmlAsync();

        Assert.Contains("Not yet cured — within the window", html, StringComparison.Ordinal);
        Assert.Contains("FollowUps/New?milestone=1%20week", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/DeclareFailed", html, StringComparison.Ordinal);
    }
}

public sealed class FailureAndRecurrenceTestsOnSqlite(SqliteAppFactory app) : FailureAndRecurrenceTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class FailureAndRecurrenceTestsOnPostgres(PostgresAppFactory app) : FailureAndRecurrenceTests<PostgresAppFactory>(app);
