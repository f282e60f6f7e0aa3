using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Examination;
using SpasmCare.Tests.Features.Assessments;
using SpasmCare.Tests.Features.Workup;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Pathway;

public abstract class ReferralPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task New_ValidReferral_CreatesAReferredCaseAndAuditsIt()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Surgery/Cases/New", SurgeryTestData.Referral());

        var caseId = SurgeryTestData.CaseIdOf(patientId, response);
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.Referred, saved.Status);
        Assert.Equal(AffectedSide.Left, saved.Side);
        Assert.Equal(3, saved.SmcGradeAtReferral);
        Assert.Equal(14m, saved.Hfs7AtReferral);
        Assert.Equal("Test Doctor", saved.ReferredByName);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdReferred));
        Assert.Equal(caseId.ToString(), audit.SubjectId);
        Assert.Equal(AuditOutcome.Succeeded, audit.Outcome);
    }

    [Fact]
    public async Task New_Get_IsPrefilledFromTheLatestScoresAndImaging()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        await doctor.RecordAsync(patientId, "SMC", "GRADE=2", "2026-10-01T10:00");
        await doctor.RecordAsync(patientId, "SMC", "GRADE=3", "2026-11-01T10:00");
        (await doctor.PostFormAsync($"/Patients/{patientId}/Imaging/New", WorkupPages.ImagingWithChoices(WorkupPages.Imaging()))).EnsureRedirect();
        var studyId = await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.PatientId == patientId).Select(s => s.Id).SingleAsync());

        var html = await doctor.GetStringAsync($"/Patients/{patientId}/Surgery/Cases/New");

        Assert.Equal("3", PageHtml.ValueOf(html, "Input.SmcGrade"));
        Assert.Matches($"name=\"Input.ImagingStudyId\" value=\"{studyId}\" checked=\"checked\"", html);
        Assert.Matches("name=\"Input.Side\" value=\"Left\" checked=\"checked\"", html);
        Assert.Contains("AICA, PICA", PageHtml.TextOf(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_WithAStudy_KeepsTheFindingInWords()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        (await doctor.PostFormAsync($"/Patients/{patientId}/Imaging/New", WorkupPages.ImagingWithChoices(WorkupPages.Imaging()))).EnsureRedirect();
        var studyId = await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.PatientId == patientId).Select(s => s.Id).SingleAsync());
        var fields = SurgeryTestData.Referral();
        fields["Input.ImagingStudyId"] = studyId.ToString();

        var caseId = await doctor.ReferAsync(patientId, fields);

        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(studyId, saved.ImagingStudyId);
        Assert.Equal("MRI of 1 Oct 2026; neurovascular contact left; AICA, PICA; root exit zone; 2 compression sites; indentation", saved.ImagingFinding);
    }

    [Theory]
    [InlineData("Input.Indication", "", "Enter the indication for surgery.")]
    [InlineData("Input.Side", "Unknown", "Choose the side to operate.")]
    [InlineData("Input.SmcGrade", "5", "Enter an SMC grade from 1 to 4.")]
    [InlineData("Input.Hfs7", "29", "Enter an HFS-7 score from 0 to 28.")]
    public async Task New_InvalidField_ShowsTheMessageBesideItAndSavesNothing(string field, string value, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var fields = SurgeryTestData.Referral();
        fields[field] = value;

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Surgery/Cases/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        SurgeryTestData.AssertErrorBeside(html, field, message);
        Assert.Contains(fields["Input.Indication"], html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdCases.AnyAsync(c => c.PatientId == patientId)));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdReferred));
        Assert.Equal(AuditOutcome.Failed, audit.Outcome);
    }

    [Fact]
    public async Task New_CauseWithoutARedo_IsRefusedAndSavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var fields = SurgeryTestData.Referral();
        fields["Input.RedoCause"] = "Granuloma";

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Surgery/Cases/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A cause applies only to a redo operation.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdCases.AnyAsync(c => c.PatientId == patientId)));
    }

    [Fact]
    public async Task New_AnotherPatientsStudy_IsRefusedAndSavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var other = await doctor.RegisterAsync(TestData.Patient());
        (await doctor.PostFormAsync($"/Patients/{other}/Imaging/New", WorkupPages.ImagingWithChoices(WorkupPages.Imaging()))).EnsureRedirect();
        var foreignStudy = await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.PatientId == other).Select(s => s.Id).SingleAsync());
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var fields = SurgeryTestData.Referral();
        fields["Input.ImagingStudyId"] = foreignStudy.ToString();

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Surgery/Cases/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose one of this patient's imaging studies.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MvdCases.AnyAsync(c => c.PatientId == patientId)));
    }

    [Fact]
    public async Task New_PatientWithACaseWaiting_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, _) = await doctor.ReferAsync();

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Surgery/Cases/New", SurgeryTestData.Referral());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already has an MVD case waiting for surgery", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.MvdCases.CountAsync(c => c.PatientId == patientId)));
    }

    [Fact]
    public async Task New_RedoOfAnOperatedCase_LinksTheFirstAndKeepsTheCause()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, firstId) = await doctor.OperatedCaseAsync(app);
        var fields = SurgeryTestData.Referral();
        fields["Input.RedoCause"] = "ImplantAdhesion";
        fields["Input.RedoOfCaseId"] = firstId.ToString();

        var redoId = await doctor.ReferAsync(patientId, fields, $"?redoOf={firstId}");

        var redo = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == redoId));
        Assert.Equal(firstId, redo.RedoOfCaseId);
        Assert.Equal(RedoCause.ImplantAdhesion, redo.RedoCause);
        var firstPage = PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, firstId)));
        Assert.Contains("Redone by", firstPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_RedoOfACaseNotOperated_IsNotFound()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();

        var response = await doctor.GetAsync($"/Patients/{patientId}/Surgery/Cases/New?redoOf={caseId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task New_RedoOfAnotherPatientsCase_IsNotFoundAndSavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (_, foreignCase) = await doctor.OperatedCaseAsync(app);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var fields = SurgeryTestData.Referral();
        fields["Input.RedoOfCaseId"] = foreignCase.ToString();

        var get = await doctor.GetAsync($"/Patients/{patientId}/Surgery/Cases/New?redoOf={foreignCase}");
        var post = await doctor.PostFormAsync($"/Patients/{patientId}/Surgery/Cases/New", fields);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.MvdCases.AnyAsync(c => c.PatientId == patientId)));
    }

    [Fact]
    public async Task New_UnknownPatient_IsNotFound()
    {
        var doctor = app.CreateClient(Roles.Doctor);

        var response = await doctor.GetAsync($"/Patients/{Guid.NewGuid()}/Surgery/Cases/New");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task New_NotADoctor_IsForbidden(string role)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await app.CreateClient(role).GetAsync($"/Patients/{patientId}/Surgery/Cases/New");

        SurgeryTestData.AssertDenied(response);
    }
}

public sealed class ReferralPagesTestsOnSqlite(SqliteAppFactory app) : ReferralPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ReferralPagesTestsOnPostgres(PostgresAppFactory app) : ReferralPagesTests<PostgresAppFactory>(app);
