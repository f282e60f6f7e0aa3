using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Workup;

public abstract class DiagnosisPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : WorkupAppFactory
{
    [Fact]
    public async Task New_ConditionInTheQuery_PreselectsIt()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());

        var html = await client.GetStringAsync($"/Patients/{patientId}/Diagnoses/New?condition=Blepharospasm");

        Assert.Matches("<option value=\"Blepharospasm\" selected=\"selected\">Blepharospasm \\(G24.5\\)</option>", html);
        Assert.DoesNotMatch("value=\"HemifacialSpasm\" selected", html);
    }

    [Fact]
    public async Task New_ConfirmedPrimaryLeftHfs_StoresTheCodesAndShowsThemInTheHeader()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());

        var response = await client.PostFormAsync($"/Patients/{patientId}/Diagnoses/New", WorkupPages.Diagnosis());

        Assert.Equal($"/Patients/Details/{patientId}#diagnoses", Redirects.LocationOf(response));
        var diagnosis = await app.WithDbAsync(db => db.Diagnoses.SingleAsync(d => d.PatientId == patientId));
        Assert.Equal(ClinicalCondition.HemifacialSpasm, diagnosis.Condition);
        Assert.Equal(AffectedSide.Left, diagnosis.Side);
        Assert.Equal(DiagnosisCertainty.Confirmed, diagnosis.Certainty);
        Assert.Equal(HfsEtiology.Primary, diagnosis.Etiology);
        Assert.Equal(("G51.3", "G51.32", "13753008"), (diagnosis.Icd10, diagnosis.Icd10Cm, diagnosis.SnomedCt));
        Assert.True(diagnosis.IsCurrent);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.DiagnosisRecorded && e.SubjectId == diagnosis.Id.ToString())));
        var page = await (await client.GetAsync($"/Patients/Details/{patientId}")).HtmlAsync();
        Assert.Matches("<ul class=\"header-diagnoses\" aria-label=\"Current diagnoses\">\\s*<li>Hemifacial spasm, left \\(G51.32\\) · confirmed, primary</li>", page);
    }

    [Theory]
    [InlineData("Right", "G51.31", "Hemifacial spasm, right (G51.31) · confirmed, primary")]
    [InlineData("Both", "G51.33", "Hemifacial spasm, bilateral (G51.33) · confirmed, primary")]
    [InlineData("Unknown", "G51.39", "Hemifacial spasm (G51.39) · confirmed, primary")]
    public async Task New_HfsOnASide_IsCodedByItsLaterality(string side, string code, string header)
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Diagnosis();
        fields["Input.Side"] = side;

        (await client.PostFormAsync($"/Patients/{patientId}/Diagnoses/New", fields)).EnsureRedirect();

        Assert.Equal(code, await app.WithDbAsync(db => db.Diagnoses.Where(d => d.PatientId == patientId).Select(d => d.Icd10Cm).SingleAsync()));
        var text = PageHtml.TextOf(await client.GetStringAsync($"/Patients/Details/{patientId}"));
        Assert.Contains(header, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_SecondaryWithCause_ShowsTheCauseAndNoEtiologyCodeChange()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Diagnosis();
        fields["Input.Etiology"] = "Secondary";
        fields["Input.Cause"] = "PostBellsPalsy";
        fields["Input.Certainty"] = "Provisional";

        (await client.PostFormAsync($"/Patients/{patientId}/Diagnoses/New", fields)).EnsureRedirect();

        var text = PageHtml.TextOf(await client.GetStringAsync($"/Patients/Details/{patientId}"));
        Assert.Contains("Hemifacial spasm, left (G51.32) · provisional, secondary (After Bell's palsy)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Etiology", "Secondary", "Cause", "A confirmed secondary hemifacial spasm needs its cause.")]
    [InlineData("Condition", "Blepharospasm", "Etiology", "Primary or secondary applies only to hemifacial spasm.")]
    [InlineData("OnsetDate", "2027-01-01", "OnsetDate", "The onset date cannot be in the future.")]
    [InlineData("OnsetDate", "1950-01-01", "OnsetDate", "The onset is before the patient's date of birth.")]
    [InlineData("Condition", "", "Condition", "Choose the condition.")]
    [InlineData("Condition", "99", "Condition", "The value '99' is invalid.")]
    public async Task New_InvalidDiagnosis_ShowsTheRuleBesideTheFieldKeepsTheFormAndSavesNothing(
        string field, string value, string errorField, string message)
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Diagnosis();
        fields["Input." + field] = value;
        fields["Input.Note"] = "Seen with the family";

        var response = await client.PostFormAsync($"/Patients/{patientId}/Diagnoses/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        WorkupPages.AssertErrorBeside(html, "Input." + errorField, message);
        Assert.Matches("name=\"Input.Note\"[^>]*>\\s*Seen with the family</textarea>", html);
        Assert.False(await app.WithDbAsync(db => db.Diagnoses.AnyAsync(d => d.PatientId == patientId)));
    }

    [Fact]
    public async Task New_OtherCauseWithoutDescription_AsksForIt()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Diagnosis();
        fields["Input.Etiology"] = "Secondary";
        fields["Input.Cause"] = "Other";

        var response = await client.PostFormAsync($"/Patients/{patientId}/Diagnoses/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WorkupPages.AssertErrorBeside(await response.HtmlAsync(), "Input.CauseDetail", "Describe the cause.");
        Assert.False(await app.WithDbAsync(db => db.Diagnoses.AnyAsync(d => d.PatientId == patientId)));
    }

    [Fact]
    public async Task Edit_CurrentVersion_SavesNewCodesAndAuditsTheReadAndTheUpdate()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);
        var url = $"/Patients/{patientId}/Diagnoses/{id}/Edit";
        var fields = WorkupPages.Diagnosis("Input.Diagnosis.");
        fields["Input.Diagnosis.Side"] = "Right";

        var response = await client.PostWithVersionAsync(url, fields);

        response.EnsureRedirect();
        Assert.Equal("G51.31", await app.WithDbAsync(db => db.Diagnoses.Where(d => d.Id == id).Select(d => d.Icd10Cm).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.DiagnosisRead && e.SubjectId == id.ToString())));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.DiagnosisUpdated && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsTheConflictAndOverwritesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);
        var url = $"/Patients/{patientId}/Diagnoses/{id}/Edit";
        var opened = PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");
        var theirs = WorkupPages.Diagnosis("Input.Diagnosis.");
        theirs["Input.Diagnosis.Certainty"] = "Provisional";
        theirs["Input.Version"] = opened;
        (await client.PostFormAsync(url, theirs)).EnsureRedirect();
        var mine = WorkupPages.Diagnosis("Input.Diagnosis.");
        mine["Input.Diagnosis.Side"] = "Right";
        mine["Input.Version"] = opened;

        var response = await client.PostFormAsync(url, mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Not saved:", html, StringComparison.Ordinal);
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Side", "Left", "Right"]));
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Certainty", "Provisional", "Confirmed"]));
        var saved = await app.WithDbAsync(db => db.Diagnoses.SingleAsync(d => d.Id == id));
        Assert.Equal((AffectedSide.Left, DiagnosisCertainty.Provisional), (saved.Side, saved.Certainty));
    }

    [Theory]
    [InlineData("Resolved", false, "Ended")]
    [InlineData("EnteredInError", true, "Entered in error")]
    public async Task End_WithReason_LeavesTheHeaderAndStaysInTheHistory(string outcome, bool inError, string shown)
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Diagnoses/{id}/End", new Dictionary<string, string>
        {
            ["Input.Outcome"] = outcome,
            ["Input.Reason"] = "Reviewed at the follow-up visit",
        });

        response.EnsureRedirect();
        var diagnosis = await app.WithDbAsync(db => db.Diagnoses.SingleAsync(d => d.Id == id));
        Assert.False(diagnosis.IsCurrent);
        Assert.Equal(inError, diagnosis.EnteredInError);
        Assert.Equal("Reviewed at the follow-up visit", diagnosis.EndedReason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.DiagnosisEnded)));
        var html = await client.GetStringAsync($"/Patients/Details/{patientId}");
        Assert.DoesNotContain("header-diagnoses", html, StringComparison.Ordinal);
        var text = PageHtml.TextOf(html);
        Assert.Contains("Diagnoses No diagnoses recorded yet.", text, StringComparison.Ordinal);
        Assert.Contains("Earlier diagnoses (1)", text, StringComparison.Ordinal);
        Assert.Contains(shown + " 24 Nov 2026, 10:00: Reviewed at the follow-up visit", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_WithoutReason_ChangesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Diagnoses/{id}/End",
            new Dictionary<string, string> { ["Input.Outcome"] = "Resolved", ["Input.Reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the reason", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Diagnoses.Where(d => d.Id == id).Select(d => d.IsCurrent).SingleAsync()));
    }

    [Fact]
    public async Task Edit_EndedDiagnosis_CannotBeChanged()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);
        (await client.PostWithVersionAsync($"/Patients/{patientId}/Diagnoses/{id}/End", new Dictionary<string, string>
        {
            ["Input.Outcome"] = "Resolved",
            ["Input.Reason"] = "Replaced",
        })).EnsureRedirect();
        var fields = WorkupPages.Diagnosis("Input.Diagnosis.");
        fields["Input.Diagnosis.Side"] = "Right";
        fields["Input.Version"] = (await app.WithDbAsync(db => db.Diagnoses.Where(d => d.Id == id).Select(d => d.Version).SingleAsync())).ToString();

        var response = await client.PostFormAsync($"/Patients/{patientId}/Diagnoses/{id}/Edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This diagnosis has ended", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(AffectedSide.Left, await app.WithDbAsync(db => db.Diagnoses.Where(d => d.Id == id).Select(d => d.Side).SingleAsync()));
    }

    [Theory]
    [InlineData("/Diagnoses/New")]
    [InlineData("/Diagnoses/{id}/Edit")]
    [InlineData("/Diagnoses/{id}/End")]
    public async Task DiagnosisPages_Nurse_IsDenied(string page)
    {
        var (patientId, id) = await RecordAsync(app.CreateClient(Roles.Doctor));
        var url = $"/Patients/{patientId}" + page.Replace("{id}", id.ToString(), StringComparison.Ordinal);

        var response = await app.CreateClient(Roles.Nurse).GetAsync(url);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientPage_Nurse_SeesTheDiagnosesButNoLinksToChangeThem()
    {
        var (patientId, id) = await RecordAsync(app.CreateClient(Roles.Doctor));

        var html = await (await app.CreateClient(Roles.Nurse).GetAsync($"/Patients/Details/{patientId}")).HtmlAsync();

        Assert.Contains("Hemifacial spasm, left (G51.32) · confirmed, primary", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Diagnoses/New", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Diagnoses/{id}/Edit", html, StringComparison.Ordinal);
    }

    private async Task<(Guid PatientId, Guid Id)> RecordAsync(HttpClient client)
    {
        var patientId = await client.RegisterAsync(TestData.Patient());
        (await client.PostFormAsync($"/Patients/{patientId}/Diagnoses/New", WorkupPages.Diagnosis())).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.Diagnoses.Where(d => d.PatientId == patientId).Select(d => d.Id).SingleAsync());
        return (patientId, id);
    }
}

public sealed class DiagnosisPagesTestsOnSqlite(SqliteWorkupAppFactory app) : DiagnosisPagesTests<SqliteWorkupAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class DiagnosisPagesTestsOnPostgres(PostgresWorkupAppFactory app) : DiagnosisPagesTests<PostgresWorkupAppFactory>(app);
