using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Scales;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;
using static SpasmCare.Tests.Infrastructure.MvdOutcomeTestData;

namespace SpasmCare.Tests.Features.Surgery.Outcomes;

/// <summary>Recording and editing post-operative follow-ups (the clock says 24 November 2026).</summary>
public abstract class FollowUpPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly DateOnly Operated = Date("2026-11-10");

    private async Task<(HttpClient Client, Guid PatientId, Guid CaseId)> OperatedAsync(string role = Roles.Doctor)
    {
        var client = app.CreateClient(role);
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var site = await HospitalAsync(app);
        var caseId = await OperatedCaseAsync(app, patientId, site, Operated);
        return (client, patientId, caseId);
    }

    private static string NewUrl(Guid patientId, Guid caseId, string? query = null) =>
        $"/Patients/{patientId}/Surgery/Cases/{caseId}/FollowUps/New{query}";

    private static Dictionary<string, string> Form(string prefix = "Input.") => new()
    {
        [prefix + "Milestone"] = "1 week",
        [prefix + "SeenOn"] = "2026-11-18",
        [prefix + "SpasmStatus"] = "NinetyPercentBetter",
        [prefix + "Hfs7"] = "4",
        [prefix + "SmcGrade"] = "1",
        [prefix + "HouseBrackmannGrade"] = "2",
        [prefix + "Hearing"] = "No change reported",
        [prefix + "Note"] = "Occasional twitch of the lower lid.",
    };

    [Fact]
    public async Task New_Get_PreselectsTheNextOpenMilestoneAndPrefillsScoresNearTheDate()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        await app.WithDbAsync(async db =>
        {
            db.ScaleScores.Add(Score(patientId, InstrumentCatalogue.Hfs7.Code, 6, "2026-11-20T05:00:00Z"));
            db.ScaleScores.Add(Score(patientId, InstrumentCatalogue.Hfs7.Code, 20, "2026-10-01T05:00:00Z")); // too far back
            db.ScaleScores.Add(Score(patientId, InstrumentCatalogue.Smc.Code, 2, "2026-11-23T05:00:00Z"));
            return await db.SaveChangesAsync();
        });

        var html = await client.GetStringAsync(NewUrl(patientId, caseId));

        Assert.Matches("<option value=\"1 week\" selected=\"selected\">1 week</option>", html);
        Assert.Equal("2026-11-24", PageHtml.ValueOf(html, "Input.SeenOn"));
        Assert.Equal("6", PageHtml.ValueOf(html, "Input.Hfs7"));
        Assert.Matches("<option value=\"2\" selected=\"selected\">II</option>", html);
        Assert.Contains("HFS-7 scored on 20 Nov 2026", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("due from 15 Nov 2026 to 24 Nov 2026", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdCaseRead)));
    }

    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    public async Task New_ValidForm_SavesClosesTheMilestoneTaskAndAuditsIt(string role)
    {
        var (client, patientId, caseId) = await OperatedAsync(role);

        var response = await client.PostFormAsync(NewUrl(patientId, caseId), Form());

        Assert.Equal($"/Patients/{patientId}/Surgery/Cases/{caseId}#mvd-course", Redirects.LocationOf(response));
        var f = await app.WithDbAsync(db => db.MvdFollowUps.SingleAsync(x => x.CaseId == caseId));
        Assert.Equal(("1 week", Date("2026-11-18"), SpasmStatus.NinetyPercentBetter, 4m, 1, 2), (f.Milestone, f.SeenOn, f.SpasmStatus, f.Hfs7!.Value, f.SmcGrade!.Value, f.HouseBrackmannGrade!.Value));
        Assert.Equal("No change reported", f.Hearing);
        var task = await app.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.SourceId == caseId && t.Milestone == "1 week"));
        Assert.Equal(FollowUpStatus.Done, task.Status);
        Assert.Equal(f.Id, task.ResultId);
        Assert.Equal(8, await app.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.SourceId == caseId && t.Status == FollowUpStatus.Open)));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdFollowUpRecorded));
        Assert.Equal(f.Id.ToString(), audit.SubjectId);
        Assert.Equal(AuditOutcome.Succeeded, audit.Outcome);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.FollowUpClosed && e.SubjectId == task.Id.ToString())));
    }

    [Theory]
    [InlineData("SeenOn", "", "Enter the date the patient was seen.")]
    [InlineData("SpasmStatus", "", "Choose how the spasm is now.")]
    [InlineData("Hfs7", "29", "Enter an HFS-7 total from 0 to 28.")]
    [InlineData("Hfs7", "3.5", "The HFS-7 total is a whole number.")]
    [InlineData("Milestone", "2 weeks", "Choose a milestone from the list.")]
    [InlineData("Milestone", "", "Choose the follow-up milestone.")]
    [InlineData("HouseBrackmannGrade", "7", "Choose a House–Brackmann grade from I to VI.")]
    [InlineData("SeenOn", "2026-11-09", "The date seen is before the operation (10 Nov 2026).")]
    [InlineData("SeenOn", "2026-11-25", "The date seen cannot be in the future.")]
    public async Task New_InvalidField_ShowsTheMessageKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var (client, patientId, caseId) = await OperatedAsync();
        var form = Form();
        form["Input." + field] = value;

        var response = await client.PostFormAsync(NewUrl(patientId, caseId), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Occasional twitch of the lower lid.", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdFollowUps.AnyAsync(x => x.CaseId == caseId)));
        Assert.Equal(9, await app.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.SourceId == caseId && t.Status == FollowUpStatus.Open)));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdFollowUpRecorded));
        Assert.NotEqual(AuditOutcome.Succeeded, audit.Outcome);
    }

    [Fact]
    public async Task New_SmcGradeWhenTheSpasmIsGone_IsRefused()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        var form = Form();
        form["Input.SpasmStatus"] = "Gone";

        var response = await client.PostFormAsync(NewUrl(patientId, caseId), form);

        Assert.Contains("Leave the SMC grade empty when the spasm is gone", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdFollowUps.AnyAsync(x => x.CaseId == caseId)));
    }

    [Fact]
    public async Task New_SameMilestoneTwice_IsRefusedTheSecondTime()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        (await client.PostFormAsync(NewUrl(patientId, caseId), Form())).EnsureRedirect();

        var response = await client.PostFormAsync(NewUrl(patientId, caseId), Form());

        Assert.Contains("The 1 week follow-up is already recorded (seen 18 Nov 2026); edit it instead.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.MvdFollowUps.CountAsync(x => x.CaseId == caseId)));
    }

    [Fact]
    public async Task New_CaseNotOperated_IsRefused()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var caseId = await ReferredCaseAsync(app, patientId);

        var response = await client.PostFormAsync(NewUrl(patientId, caseId), Form());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Record the operation before its follow-ups.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdFollowUps.AnyAsync(x => x.CaseId == caseId)));
    }

    [Fact]
    public async Task New_AnotherPatientsCase_IsNotFoundForGetAndPost()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        var other = await client.RegisterAsync(TestData.Patient());
        var token = FormPost.TokenOf(await client.GetStringAsync(NewUrl(patientId, caseId)));

        var get = await client.GetAsync(NewUrl(other, caseId));
        var post = await client.PostAsync(NewUrl(other, caseId),
            new FormUrlEncodedContent(Form().Append(new("__RequestVerificationToken", token))));
        var unknown = await client.GetAsync(NewUrl(patientId, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.MvdFollowUps.AnyAsync(x => x.CaseId == caseId)));
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task FollowUpPages_NonClinicalRole_AreDenied(string role)
    {
        var (_, patientId, caseId) = await OperatedAsync();
        var followUpId = await FollowUpAsync(app, patientId, caseId, "1 week", Date("2026-11-17"), SpasmStatus.Gone);
        var client = app.CreateClient(role);

        foreach (var url in new[]
        {
            NewUrl(patientId, caseId), $"/Patients/{patientId}/Surgery/Cases/{caseId}/FollowUps/{followUpId}/Edit",
            $"/Patients/{patientId}/Surgery/Cases/{caseId}/DeclareFailed", $"/Patients/{patientId}/Surgery/Cases/{caseId}/Recurrence",
        })
        {
            var response = await client.GetAsync(url);
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Edit_CurrentVersion_SavesTheChangeAndAuditsIt()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        var id = await FollowUpAsync(app, patientId, caseId, "1 week", Date("2026-11-17"), SpasmStatus.AboutHalf);
        var url = $"/Patients/{patientId}/Surgery/Cases/{caseId}/FollowUps/{id}/Edit";
        var form = Form("Input.FollowUp.");
        form["Input.FollowUp.SpasmStatus"] = "Gone";
        form["Input.FollowUp.SmcGrade"] = "";
        form["Input.Version"] = PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");

        (await client.PostFormAsync(url, form)).EnsureRedirect();

        var f = await app.WithDbAsync(db => db.MvdFollowUps.SingleAsync(x => x.Id == id));
        Assert.Equal(SpasmStatus.Gone, f.SpasmStatus);
        Assert.Equal(Date("2026-11-18"), f.SeenOn);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdFollowUpUpdated
            && e.SubjectId == id.ToString() && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Edit_MilestoneChanged_ReopensTheOldTaskAndClosesTheNewOne()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        (await client.PostFormAsync(NewUrl(patientId, caseId), Form())).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.MvdFollowUps.Where(x => x.CaseId == caseId).Select(x => x.Id).SingleAsync());
        var url = $"/Patients/{patientId}/Surgery/Cases/{caseId}/FollowUps/{id}/Edit";
        var form = Form("Input.FollowUp.");
        form["Input.FollowUp.Milestone"] = "1 month";
        form["Input.Version"] = PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");

        (await client.PostFormAsync(url, form)).EnsureRedirect();

        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == caseId).ToListAsync());
        var week = tasks.Single(t => t.Milestone == "1 week");
        var month = tasks.Single(t => t.Milestone == "1 month");
        Assert.Equal((FollowUpStatus.Open, (Guid?)null), (week.Status, week.ResultId));
        Assert.Equal((FollowUpStatus.Done, (Guid?)id), (month.Status, month.ResultId));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsTheConflictAndSavesNothing()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        var id = await FollowUpAsync(app, patientId, caseId, "1 week", Date("2026-11-17"), SpasmStatus.AboutHalf);
        var url = $"/Patients/{patientId}/Surgery/Cases/{caseId}/FollowUps/{id}/Edit";
        var stale = PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");
        await app.WithDbAsync(async db =>
        {
            var f = await db.MvdFollowUps.SingleAsync(x => x.Id == id);
            f.Note = "Changed by someone else";
            return await db.SaveChangesAsync();
        });
        var form = Form("Input.FollowUp.");
        form["Input.Version"] = stale;

        var response = await client.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("changed this follow-up at", html, StringComparison.Ordinal);
        Assert.Contains("Nothing you typed has been saved", html, StringComparison.Ordinal);
        Assert.Contains("Changed by someone else", html, StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.MvdFollowUps.SingleAsync(x => x.Id == id));
        Assert.Equal(("Changed by someone else", SpasmStatus.AboutHalf), (saved.Note, saved.SpasmStatus));
    }

    [Fact]
    public async Task Edit_AnotherPatientsFollowUp_IsNotFound()
    {
        var (client, patientId, caseId) = await OperatedAsync();
        var id = await FollowUpAsync(app, patientId, caseId, "1 week", Date("2026-11-17"), SpasmStatus.AboutHalf);
        var other = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync($"/Patients/{other}/Surgery/Cases/{caseId}/FollowUps/{id}/Edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static ScaleScore Score(Guid patientId, string code, decimal total, string assessedAt)
    {
        var at = DateTime.Parse(assessedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        return new ScaleScore
        {
            PatientId = patientId,
            InstrumentCode = code,
            InstrumentVersion = InstrumentCatalogue.BuiltInVersion,
            Total = total,
            Status = "Complete",
            RaterId = Guid.NewGuid(),
            RaterName = "Test Rater",
            AssessedAtUtc = DateTime.SpecifyKind(at, DateTimeKind.Utc),
            RecordedAtUtc = DateTime.SpecifyKind(at, DateTimeKind.Utc),
        };
    }
}

public sealed class FollowUpPagesTestsOnSqlite(SqliteAppFactory app) : FollowUpPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class FollowUpPagesTestsOnPostgres(PostgresAppFactory app) : FollowUpPagesTests<PostgresAppFactory>(app);
