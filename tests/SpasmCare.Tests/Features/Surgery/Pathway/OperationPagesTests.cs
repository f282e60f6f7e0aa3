using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Pathway;

public abstract class OperationPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static void Set(List<KeyValuePair<string, string>> fields, string key, string value)
    {
        fields.RemoveAll(f => f.Key == key);
        fields.Add(new(key, value));
    }

    [Fact]
    public async Task Operation_Recorded_SavesFindingsAndTimelineSchedulesFollowUpsAndAuditsIt()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(-2);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"), SurgeryTestData.Operation(date));

        Assert.Equal(SurgeryTestData.CaseUrl(patientId, caseId) + "#operation", Redirects.LocationOf(response));
        var operation = await app.WithDbAsync(db => db.MvdOperations.SingleAsync(o => o.CaseId == caseId));
        Assert.Equal(date.ToDateTime(new TimeOnly(3, 45)), operation.StartedAtUtc);
        Assert.Equal(date.ToDateTime(new TimeOnly(6, 15)), operation.EndedAtUtc);
        Assert.Equal(OffendingVessels.Aica | OffendingVessels.Pica, operation.Vessels);
        Assert.Equal(DecompressionTechnique.Interposition, operation.Technique);
        Assert.Equal(LsrFinalStatus.Disappeared, operation.LsrFinal);
        Assert.Equal(date.ToDateTime(new TimeOnly(4, 50)), operation.LsrDisappearedAtUtc);
        var readings = await app.WithDbAsync(db => db.LsrReadings.Where(r => r.OperationId == operation.Id).OrderBy(r => r.Order).ToListAsync());
        Assert.Equal(["AICA mobilised", "Teflon placed"], readings.Select(r => r.Step));
        Assert.Equal([true, false], readings.Select(r => r.Present));
        Assert.Null(readings[1].AmplitudeUv);
        Assert.Equal(MvdCaseStatus.Operated, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp).ToListAsync());
        Assert.Contains(tasks, t => t.Milestone == "1 week");
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.MvdOperationRecorded && e.SubjectId == operation.Id.ToString())));
        var page = PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("09:15–11:45 (2 h 30 min)", page, StringComparison.Ordinal);
        Assert.Contains("Final: Disappeared at 10:20", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operation_PastMidnight_EndsTheNextDay()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(-3);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date, "21:00");
        var fields = SurgeryTestData.Operation(date, "22:00", "01:30");
        Set(fields, "Input.Readings[0].Time", "23:00");
        Set(fields, "Input.Readings[1].Time", "00:30");
        Set(fields, "Input.LsrDisappearedAt", "00:30");

        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"), fields)).EnsureRedirect();

        var operation = await app.WithDbAsync(db => db.MvdOperations.SingleAsync(o => o.CaseId == caseId));
        Assert.Equal(TimeSpan.FromHours(3.5), operation.EndedAtUtc - operation.StartedAtUtc);
        Assert.Equal(date.ToDateTime(new TimeOnly(19, 0)), operation.LsrDisappearedAtUtc);
    }

    [Fact]
    public async Task Operation_AddRow_AddsAnEmptyRowAndSavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(-2);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date);
        var url = SurgeryTestData.CaseUrl(patientId, caseId, "Operation");

        var response = await doctor.PostVersionedAsync(url, SurgeryTestData.Operation(date), postUrl: url + "?handler=AddRow");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("name=\"Input.Readings[3].Step\"", html, StringComparison.Ordinal);
        Assert.Equal("Teflon placed", PageHtml.ValueOf(html, "Input.Readings[1].Step"));
        Assert.DoesNotContain("field-validation-error", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdOperations.AnyAsync(o => o.CaseId == caseId)));
    }

    [Theory]
    [InlineData("Input.Readings[2].Time", "10:40", "Input.Readings[2].Step", "Name the step of this reading.")]
    [InlineData("Input.Readings[0].Time", "12:30", "Input.Readings[0].Time", "The reading is after the end of the operation.")]
    [InlineData("Input.LsrFinal", "NotMonitored", "Input.LsrFinal", "The LSR was monitored: choose its final status.")]
    [InlineData("Input.LsrBaselinePresent", "false", "Input.LsrBaselineAmplitudeUv", "An amplitude or latency applies only when the baseline LSR is present.")]
    [InlineData("Input.Approach", "", "Input.Approach", "Choose the approach.")]
    [InlineData("Input.Side", "Unknown", "Input.Side", "Choose the side operated.")]
    public async Task Operation_InvalidField_ShowsTheMessageBesideItAndSavesNothing(string field, string value, string errorField, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(-2);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date);
        var fields = SurgeryTestData.Operation(date);
        Set(fields, field, value);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        SurgeryTestData.AssertErrorBeside(html, errorField, message);
        Assert.Equal("Teflon felt", PageHtml.ValueOf(html, "Input.Implant"));
        Assert.False(await app.WithDbAsync(db => db.MvdOperations.AnyAsync(o => o.CaseId == caseId)));
        Assert.False(await app.WithDbAsync(db => db.FollowUpTasks.AnyAsync(t => t.SourceId == caseId)));
    }

    [Fact]
    public async Task Operation_InTheFuture_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(5);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"), SurgeryTestData.Operation(date));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), "Input.Date", "The date of the operation cannot be in the future.");
        Assert.False(await app.WithDbAsync(db => db.MvdOperations.AnyAsync(o => o.CaseId == caseId)));
    }

    [Fact]
    public async Task Operation_CaseNotBooked_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        await doctor.CompleteChecklistAsync(app, patientId, caseId);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"), SurgeryTestData.Operation(app.Today().AddDays(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Book the case into a theatre before recording its operation.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdOperations.AnyAsync(o => o.CaseId == caseId)));
    }

    [Fact]
    public async Task Operation_BaepAlarmCriteriaMet_ShowsTheWarning()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(-2);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date);
        var fields = SurgeryTestData.Operation(date);
        Set(fields, "Input.BaepLatencyChangeMs", "1.2");
        Set(fields, "Input.BaepAmplitudeChangePercent", "-55");

        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"), fields)).EnsureRedirect();

        var casePage = PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("BAEP alarm criteria met: wave V latency prolonged by 1.2 ms (alarm at +1 ms); wave V amplitude down 55 % (alarm at −50 %).", casePage, StringComparison.Ordinal);
        var form = await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"));
        Assert.DoesNotMatch("data-baep-warning hidden", form);
    }

    [Fact]
    public async Task Operation_NoAlarm_HidesTheWarning()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(-2);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date);

        var html = await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"));

        Assert.Matches("data-baep-warning hidden=\"hidden\"", html);
    }

    [Fact]
    public async Task Operation_Edit_ReplacesTheTimelineAndAuditsTheUpdate()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        var url = SurgeryTestData.CaseUrl(patientId, caseId, "Operation");
        var fields = SurgeryTestData.Operation(app.Today().AddDays(-2));
        Set(fields, "Input.Readings[1].Step", "Teflon repositioned");
        Set(fields, "Input.Readings[2].Step", "Dura closed");
        Set(fields, "Input.Readings[2].Time", "11:00");

        (await doctor.PostVersionedAsync(url, fields)).EnsureRedirect();

        var operationId = await app.WithDbAsync(db => db.MvdOperations.Where(o => o.CaseId == caseId).Select(o => o.Id).SingleAsync());
        var steps = await app.WithDbAsync(db => db.LsrReadings.Where(r => r.OperationId == operationId).OrderBy(r => r.Order).Select(r => r.Step).ToListAsync());
        Assert.Equal(["AICA mobilised", "Teflon repositioned", "Dura closed"], steps);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdOperationUpdated && e.Outcome == AuditOutcome.Succeeded)));
        Assert.Equal(1, await app.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.SourceId == caseId && t.Milestone == "1 week")));
    }

    [Fact]
    public async Task Operation_EditOnAStaleVersion_SavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        var url = SurgeryTestData.CaseUrl(patientId, caseId, "Operation");
        var stale = PageHtml.ValueOf(await doctor.GetStringAsync(url), "Input.Version");
        var first = SurgeryTestData.Operation(app.Today().AddDays(-2));
        Set(first, "Input.Notes", "First edit");
        (await doctor.PostVersionedAsync(url, first)).EnsureRedirect();
        var second = SurgeryTestData.Operation(app.Today().AddDays(-2));
        Set(second, "Input.Notes", "Second edit");

        var response = await doctor.PostVersionedAsync(url, second, version: stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this record after you opened it.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("First edit", await app.WithDbAsync(db => db.MvdOperations.Where(o => o.CaseId == caseId).Select(o => o.Notes).SingleAsync()));
    }

    [Fact]
    public async Task OperationNote_Print_ShowsTheRecordWithAPrintButtonAndIsAuditedAsPrinted()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);

        var html = await app.CreateClient(Roles.Nurse).GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation/Print"));

        var text = PageHtml.TextOf(html);
        Assert.Contains("Operation note: microvascular decompression", text, StringComparison.Ordinal);
        Assert.Contains("AICA mobilised", text, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.Contains("/js/mvd.js", html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdOperationNotePrinted)));
    }

    [Fact]
    public async Task OperationNote_NoOperationYet_IsNotFound()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();

        var response = await doctor.GetAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation/Print"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Operation_Nurse_IsDenied()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app);

        var response = await app.CreateClient(Roles.Nurse).GetAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Operation"));

        SurgeryTestData.AssertDenied(response);
    }
}

public sealed class OperationPagesTestsOnSqlite(SqliteAppFactory app) : OperationPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class OperationPagesTestsOnPostgres(PostgresAppFactory app) : OperationPagesTests<PostgresAppFactory>(app);
