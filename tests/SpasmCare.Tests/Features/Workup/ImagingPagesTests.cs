using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Examination;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Workup;

public abstract class ImagingPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : WorkupAppFactory
{
    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    public async Task New_ValidForm_SavesTheStudyAndAuditsIt(string role)
    {
        var client = app.CreateClient(role);
        var patientId = await client.RegisterAsync(TestData.Patient());

        var response = await client.PostFormAsync($"/Patients/{patientId}/Imaging/New",
            WorkupPages.ImagingWithChoices(WorkupPages.Imaging()));

        Assert.Equal($"/Patients/Details/{patientId}#investigations", Redirects.LocationOf(response));
        var study = await app.WithDbAsync(db => db.ImagingStudies.SingleAsync(s => s.PatientId == patientId));
        Assert.Equal(ImagingModality.Mri, study.Modality);
        Assert.Equal(new DateOnly(2026, 10, 1), study.StudyDate);
        Assert.Equal(ImagingSequences.Ciss3D | ImagingSequences.TofMra, study.Sequences);
        Assert.True(study.NeurovascularContact);
        Assert.Equal(AffectedSide.Left, study.ContactSide);
        Assert.Equal(ContactSite.RootExitZone, study.ContactSite);
        Assert.Equal(OffendingVessels.Aica | OffendingVessels.Pica, study.Vessels);
        Assert.Equal(2, study.CompressionSites);
        Assert.True(study.Indentation);
        Assert.False(study.VertebralDolichoectasia);
        Assert.Null(study.OtherLesion);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.ImagingRecorded));
        Assert.Equal(study.Id.ToString(), audit.SubjectId);
        Assert.Equal(AuditOutcome.Succeeded, audit.Outcome);
    }

    [Fact]
    public async Task New_SaveAndUploadTheReport_GoesToTheReportPageOfTheNewStudy()
    {
        var client = app.CreateClient(Roles.Nurse);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.ImagingWithChoices(WorkupPages.Imaging());
        fields.Add(new("Next", "report"));

        var response = await client.PostFormAsync($"/Patients/{patientId}/Imaging/New", fields);

        var id = WorkupPages.IdBefore(response, "/Report");
        Assert.True(await app.WithDbAsync(db => db.ImagingStudies.AnyAsync(s => s.Id == id && s.PatientId == patientId)));
    }

    [Theory]
    [InlineData("StudyDate", "2026-12-01", "The date of the study cannot be in the future.")]
    [InlineData("StudyDate", "1960-01-01", "The date of the study is before the patient's date of birth.")]
    [InlineData("StudyDate", "", "Enter the date of the study.")]
    [InlineData("Modality", "", "Choose the kind of study.")]
    [InlineData("CompressionSites", "6", "Enter a number of compression sites from 0 to 5.")]
    [InlineData("CompressionSites", "-1", "Enter a number of compression sites from 0 to 5.")]
    [InlineData("ContactSide", "Unknown", "Choose the side of the contact.")]
    public async Task New_InvalidField_ShowsTheMessageKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Imaging();
        fields["Input." + field] = value;

        var response = await client.PostFormAsync($"/Patients/{patientId}/Imaging/New", WorkupPages.ImagingWithChoices(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("Synthetic Imaging Centre", PageHtml.ValueOf(html, "Input.Centre"));
        Assert.Matches("name=\"Input.Vessels\" value=\"Pica\" checked=\"checked\"", html);
        Assert.False(await app.WithDbAsync(db => db.ImagingStudies.AnyAsync(s => s.PatientId == patientId)));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.ImagingRecorded));
        Assert.Equal(AuditOutcome.Failed, audit.Outcome);
    }

    [Fact]
    public async Task New_VesselsAndSiteWithoutContact_AreRefusedBesideTheirFields()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = WorkupPages.Imaging();
        fields["Input.NeurovascularContact"] = "false";

        var response = await client.PostFormAsync($"/Patients/{patientId}/Imaging/New", WorkupPages.ImagingWithChoices(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Offending vessels apply only when neurovascular contact is Yes.", html, StringComparison.Ordinal);
        Assert.Contains("The site on the nerve applies only when neurovascular contact is Yes.", html, StringComparison.Ordinal);
        WorkupPages.AssertErrorBeside(html, "Input.Vessels", "Offending vessels apply only when neurovascular contact is Yes.");
        WorkupPages.AssertErrorBeside(html, "Input.ContactSite", "The site on the nerve applies only when neurovascular contact is Yes.");
        Assert.False(await app.WithDbAsync(db => db.ImagingStudies.AnyAsync(s => s.PatientId == patientId)));
    }

    [Fact]
    public async Task New_NoContactAndNothingElse_SavesWithoutContactDetails()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = new Dictionary<string, string>
        {
            ["Input.Modality"] = "Ct",
            ["Input.StudyDate"] = "2026-09-30",
            ["Input.NeurovascularContact"] = "",
            ["Input.ContactSide"] = "Unknown",
            ["Input.ContactSite"] = "Unknown",
        };

        var response = await client.PostFormAsync($"/Patients/{patientId}/Imaging/New", fields);

        response.EnsureRedirect();
        var study = await app.WithDbAsync(db => db.ImagingStudies.SingleAsync(s => s.PatientId == patientId));
        Assert.Null(study.NeurovascularContact);
        Assert.Equal(OffendingVessels.None, study.Vessels);
        Assert.Equal(ImagingSequences.None, study.Sequences);
    }

    [Fact]
    public async Task Edit_CurrentVersion_SavesTheChangeAndAuditsIt()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);
        var editUrl = $"/Patients/{patientId}/Imaging/{id}/Edit";
        var fields = WorkupPages.Imaging("Input.Study.");
        fields["Input.Study.CompressionSites"] = "1";
        fields["Input.Version"] = PageHtml.ValueOf(await client.GetStringAsync(editUrl), "Input.Version");

        var response = await client.PostFormAsync(editUrl, WorkupPages.ImagingWithChoices(fields, "Input.Study.", vessels: ["Vertebral"]));

        response.EnsureRedirect();
        var study = await app.WithDbAsync(db => db.ImagingStudies.SingleAsync(s => s.Id == id));
        Assert.Equal(1, study.CompressionSites);
        Assert.Equal(OffendingVessels.Vertebral, study.Vessels);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ImagingUpdated && e.Outcome == AuditOutcome.Succeeded)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ImagingRead && e.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsWhoChangedWhatAndOverwritesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);
        var editUrl = $"/Patients/{patientId}/Imaging/{id}/Edit";
        var opened = PageHtml.ValueOf(await client.GetStringAsync(editUrl), "Input.Version");
        var theirs = WorkupPages.Imaging("Input.Study.");
        theirs["Input.Study.Impression"] = "Their impression";
        theirs["Input.Version"] = opened;
        (await app.CreateClient(Roles.Nurse).PostFormAsync(editUrl, WorkupPages.ImagingWithChoices(theirs, "Input.Study."))).EnsureRedirect();
        var mine = WorkupPages.Imaging("Input.Study.");
        mine["Input.Study.Impression"] = "My impression";
        mine["Input.Version"] = opened;

        var response = await client.PostFormAsync(editUrl, WorkupPages.ImagingWithChoices(mine, "Input.Study."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Not saved:", html, StringComparison.Ordinal);
        Assert.Contains("nothing of theirs was overwritten", html, StringComparison.Ordinal);
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Impression", "Their impression", "My impression"]));
        Assert.Matches("name=\"Input.Study.Impression\"[^>]*>\\s*My impression</textarea>", html);
        var study = await app.WithDbAsync(db => db.ImagingStudies.SingleAsync(s => s.Id == id));
        Assert.Equal("Their impression", study.Impression);
        Assert.NotEqual(opened, PageHtml.ValueOf(await response.Content.ReadAsStringAsync(), "Input.Version"));
        var refused = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ImagingUpdated && e.Outcome == AuditOutcome.Failed));
        Assert.Equal(409, refused.StatusCode);
    }

    [Fact]
    public async Task EnteredInError_WithReason_MarksTheStudyKeepsItAndStopsEdits()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, id) = await RecordAsync(client);

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Imaging/{id}/EnteredInError",
            new Dictionary<string, string> { ["Input.Reason"] = "Recorded for the wrong patient" });

        Assert.Equal($"/Patients/Details/{patientId}#investigations", Redirects.LocationOf(response));
        var study = await app.WithDbAsync(db => db.ImagingStudies.SingleAsync(s => s.Id == id));
        Assert.True(study.EnteredInError);
        Assert.Equal("Recorded for the wrong patient", study.EnteredInErrorReason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ImagingEnteredInError && e.Outcome == AuditOutcome.Succeeded)));
        var edit = await (await client.GetAsync($"/Patients/{patientId}/Imaging/{id}/Edit")).HtmlAsync();
        Assert.Contains("marked as entered in error (Recorded for the wrong patient)", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("Save changes", edit, StringComparison.Ordinal);
        var page = PageHtml.TextOf(await client.GetStringAsync($"/Patients/Details/{patientId}"));
        Assert.Contains("Imaging entered in error (1)", page, StringComparison.Ordinal);
        Assert.Contains("No imaging recorded yet.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnteredInError_WithoutReason_ExplainsAndChangesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Imaging/{id}/EnteredInError",
            new Dictionary<string, string> { ["Input.Reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the reason", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.Id == id).Select(s => s.EnteredInError).SingleAsync()));
    }

    [Fact]
    public async Task EnteredInError_StaleVersion_IsRefusedAndChangesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id) = await RecordAsync(client);
        var url = $"/Patients/{patientId}/Imaging/{id}/EnteredInError";

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Reason"] = "Duplicate entry",
            ["Input.Version"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this imaging study after you opened it. Nothing was changed.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.Id == id).Select(s => s.EnteredInError).SingleAsync()));
    }

    [Fact]
    public async Task Edit_StudyOfAnotherPatient_Returns404AndAuditsTheAttempt()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (_, id) = await RecordAsync(client);
        var otherPatient = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync($"/Patients/{otherPatient}/Imaging/{id}/Edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == otherPatient && e.Action == AuditAction.ImagingRead));
        Assert.Equal(AuditOutcome.NotFound, audit.Outcome);
    }

    [Fact]
    public async Task New_UnknownPatient_Returns404()
    {
        var client = app.CreateClient(Roles.Doctor);

        var response = await client.GetAsync($"/Patients/{Guid.NewGuid()}/Imaging/New");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(Guid PatientId, Guid StudyId)> RecordAsync(HttpClient client)
    {
        var patientId = await client.RegisterAsync(TestData.Patient());
        (await client.PostFormAsync($"/Patients/{patientId}/Imaging/New", WorkupPages.ImagingWithChoices(WorkupPages.Imaging()))).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.PatientId == patientId).Select(s => s.Id).SingleAsync());
        return (patientId, id);
    }
}

public sealed class ImagingPagesTestsOnSqlite(SqliteWorkupAppFactory app) : ImagingPagesTests<SqliteWorkupAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ImagingPagesTestsOnPostgres(PostgresWorkupAppFactory app) : ImagingPagesTests<PostgresWorkupAppFactory>(app);
