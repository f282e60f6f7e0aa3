using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Workup;

public abstract class ElectrophysiologyPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : WorkupAppFactory
{
    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    public async Task New_ValidForm_SavesTheStudyAndShowsItOnThePatientPage(string role)
    {
        var client = app.CreateClient(role);
        var patientId = await client.RegisterAsync(TestData.Patient());

        var response = await client.PostFormAsync($"/Patients/{patientId}/Electrophysiology/New", WorkupPages.Electrophysiology());

        Assert.Equal($"/Patients/Details/{patientId}#investigations", Redirects.LocationOf(response));
        var study = await app.WithDbAsync(db => db.ElectrophysiologyStudies.SingleAsync(s => s.PatientId == patientId));
        Assert.Equal(new DateOnly(2026, 10, 5), study.StudyDate);
        Assert.True(study.LateralSpreadPresent);
        Assert.Equal(10.2m, study.LateralSpreadLatencyMs);
        Assert.Equal(150m, study.LateralSpreadAmplitudeUv);
        Assert.True(study.BlinkReflexSynkinesis);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ElectrophysiologyRecorded && e.SubjectId == study.Id.ToString())));
        var text = PageHtml.TextOf(await client.GetStringAsync($"/Patients/Details/{patientId}"));
        Assert.Contains("5 Oct 2026 LSR present, 10.2 ms, 150 µV Blink-reflex synkinesis: yes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LateralSpreadLatencyMs", "60", "Enter a latency from 1 to 50 ms.")]
    [InlineData("LateralSpreadLatencyMs", "10.123", "Enter the latency with at most two decimals.")]
    [InlineData("LateralSpreadAmplitudeUv", "0", "Enter an amplitude from 1 to 10000 µV.")]
    [InlineData("StudyDate", "2026-11-25", "The date of the study cannot be in the future.")]
    [InlineData("StudyDate", "", "Enter the date of the study.")]
    public async Task New_InvalidField_ShowsTheMessageKeepsTheFormAndSavesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Nurse);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Electrophysiology();
        fields["Input." + field] = value;

        var response = await client.PostFormAsync($"/Patients/{patientId}/Electrophysiology/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        WorkupPages.AssertErrorBeside(html, "Input." + field, message);
        Assert.Equal(value, PageHtml.ValueOf(html, "Input." + field));
        Assert.False(await app.WithDbAsync(db => db.ElectrophysiologyStudies.AnyAsync(s => s.PatientId == patientId)));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("")]
    public async Task New_LatencyWithoutAResponse_IsRefused(string present)
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Electrophysiology();
        fields["Input.LateralSpreadPresent"] = present;

        var response = await client.PostFormAsync($"/Patients/{patientId}/Electrophysiology/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        WorkupPages.AssertErrorBeside(html, "Input.LateralSpreadLatencyMs", "A latency is recorded only when the lateral spread response is present.");
        WorkupPages.AssertErrorBeside(html, "Input.LateralSpreadAmplitudeUv", "An amplitude is recorded only when the lateral spread response is present.");
        Assert.False(await app.WithDbAsync(db => db.ElectrophysiologyStudies.AnyAsync(s => s.PatientId == patientId)));
    }

    [Fact]
    public async Task Edit_CurrentVersion_SavesAndAudits()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, id) = await RecordAsync(client);
        var fields = WorkupPages.Electrophysiology("Input.Study.");
        fields["Input.Study.LateralSpreadPresent"] = "false";
        fields["Input.Study.LateralSpreadLatencyMs"] = "";
        fields["Input.Study.LateralSpreadAmplitudeUv"] = "";

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Electrophysiology/{id}/Edit", fields);

        response.EnsureRedirect();
        var study = await app.WithDbAsync(db => db.ElectrophysiologyStudies.SingleAsync(s => s.Id == id));
        Assert.False(study.LateralSpreadPresent);
        Assert.Null(study.LateralSpreadLatencyMs);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.ElectrophysiologyUpdated && e.Outcome == AuditOutcome.Succeeded)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.ElectrophysiologyRead)));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsTheConflictAndOverwritesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);
        var url = $"/Patients/{patientId}/Electrophysiology/{id}/Edit";
        var opened = PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");
        var theirs = WorkupPages.Electrophysiology("Input.Study.");
        theirs["Input.Study.LateralSpreadLatencyMs"] = "9.8";
        theirs["Input.Version"] = opened;
        (await client.PostFormAsync(url, theirs)).EnsureRedirect();
        var mine = WorkupPages.Electrophysiology("Input.Study.");
        mine["Input.Study.LateralSpreadLatencyMs"] = "11.5";
        mine["Input.Version"] = opened;

        var response = await client.PostFormAsync(url, mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Not saved:", html, StringComparison.Ordinal);
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Latency (ms)", "9.8", "11.5"]));
        Assert.Equal("11.5", PageHtml.ValueOf(html, "Input.Study.LateralSpreadLatencyMs"));
        Assert.Equal(9.8m, await app.WithDbAsync(db => db.ElectrophysiologyStudies.Where(s => s.Id == id).Select(s => s.LateralSpreadLatencyMs).SingleAsync()));
    }

    [Fact]
    public async Task EnteredInError_WithReason_MarksTheStudyAndKeepsIt()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, id) = await RecordAsync(client);

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Electrophysiology/{id}/EnteredInError",
            new Dictionary<string, string> { ["Input.Reason"] = "Another patient's study" });

        response.EnsureRedirect();
        var study = await app.WithDbAsync(db => db.ElectrophysiologyStudies.SingleAsync(s => s.Id == id));
        Assert.True(study.EnteredInError);
        Assert.Equal("Another patient's study", study.EnteredInErrorReason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.ElectrophysiologyEnteredInError)));
        var text = PageHtml.TextOf(await client.GetStringAsync($"/Patients/Details/{patientId}"));
        Assert.Contains("No electrophysiology recorded yet.", text, StringComparison.Ordinal);
        Assert.Contains("Electrophysiology entered in error (1)", text, StringComparison.Ordinal);
    }

    private async Task<(Guid PatientId, Guid Id)> RecordAsync(HttpClient client)
    {
        var patientId = await client.RegisterAsync(TestData.Patient());
        (await client.PostFormAsync($"/Patients/{patientId}/Electrophysiology/New", WorkupPages.Electrophysiology())).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.ElectrophysiologyStudies.Where(s => s.PatientId == patientId).Select(s => s.Id).SingleAsync());
        return (patientId, id);
    }
}

public sealed class ElectrophysiologyPagesTestsOnSqlite(SqliteWorkupAppFactory app) : ElectrophysiologyPagesTests<SqliteWorkupAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ElectrophysiologyPagesTestsOnPostgres(PostgresWorkupAppFactory app) : ElectrophysiologyPagesTests<PostgresWorkupAppFactory>(app);
