using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Pathway;

public abstract class ChecklistPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    public async Task Checklist_Complete_MakesTheCaseReadyAndAuditsIt(string role)
    {
        var (patientId, caseId) = await app.CreateClient(Roles.Doctor).ReferAsync();
        var client = app.CreateClient(role);

        var response = await client.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Checklist"), SurgeryTestData.Checklist(app.Today()));

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.ReadyForSurgery, saved.Status);
        Assert.Equal(MvdConsentRisks.All, saved.RisksDiscussed);
        Assert.Equal("Normal hearing both sides", saved.AudiogramResult);
        var page = PageHtml.TextOf(await client.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("Ready for surgery: the pre-operative checklist is complete.", page, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.MvdChecklistUpdated && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Checklist_Incomplete_StaysReferredAndTheCaseListsWhatIsMissing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        var fields = SurgeryTestData.Checklist(app.Today()).Where(f => f.Value != "DelayedCure" && f.Key != "Input.AnaesthesiaFitOn").ToList();

        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Checklist"), fields)).EnsureRedirect();

        Assert.Equal(MvdCaseStatus.Referred, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        var page = PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("Not ready for surgery.", page, StringComparison.Ordinal);
        Assert.Contains("Anaesthesia fitness: the date the patient was found fit is missing.", page, StringComparison.Ordinal);
        Assert.Contains("Consent: risks not ticked as discussed: delayed cure.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Book theatre", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_CompleteThenAGap_GoesBackToReferred()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        await doctor.CompleteChecklistAsync(app, patientId, caseId);
        var fields = SurgeryTestData.Checklist(app.Today());
        fields.RemoveAll(f => f.Key == "Input.MedicationsReviewed");

        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Checklist"), fields)).EnsureRedirect();

        Assert.Equal(MvdCaseStatus.Referred, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.ConsentOn", "The date of the consent cannot be in the future.")]
    [InlineData("Input.AudiogramOn", "The date of the audiogram cannot be in the future.")]
    public async Task Checklist_FutureDate_IsRefusedBesideTheFieldAndChangesNothing(string field, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        var before = await app.WithDbAsync(db => db.MvdCases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        var fields = SurgeryTestData.Checklist(app.Today());
        fields.RemoveAll(f => f.Key == field);
        fields.Add(new(field, SurgeryTestData.Iso(app.Today().AddDays(1))));

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Checklist"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        SurgeryTestData.AssertErrorBeside(html, field, message);
        Assert.Equal("Dr Test", PageHtml.ValueOf(html, "Input.ConsentTakenBy"));
        var after = await app.WithDbAsync(db => db.MvdCases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.ConsentOn);
    }

    [Fact]
    public async Task Checklist_StaleVersion_SavesNothingAndSaysSomeoneElseChangedIt()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        var url = SurgeryTestData.CaseUrl(patientId, caseId, "Checklist");
        var stale = PageHtml.ValueOf(await doctor.GetStringAsync(url), "Input.Version");
        await doctor.CompleteChecklistAsync(app, patientId, caseId);
        var fields = SurgeryTestData.Checklist(app.Today());
        fields.RemoveAll(f => f.Key == "Input.AudiogramResult");
        fields.Add(new("Input.AudiogramResult", "Mild loss on the left"));

        var response = await doctor.PostVersionedAsync(url, fields, version: stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Someone else changed this record after you opened it. Nothing was saved.", html, StringComparison.Ordinal);
        Assert.Contains("Mild loss on the left", html, StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal("Normal hearing both sides", saved.AudiogramResult);
        Assert.Equal(saved.Version.ToString(), PageHtml.ValueOf(html, "Input.Version"));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.MvdChecklistUpdated && e.Outcome == AuditOutcome.Failed && e.StatusCode == 409)));
    }

    [Fact]
    public async Task OverrideReady_DoctorWithReason_MakesAnIncompleteCaseReadyAndAuditsIt()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "OverrideReady"),
            [new("Input.Reason", "Audiogram done at the hospital; report to follow.")]);

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.ReadyForSurgery, saved.Status);
        Assert.Equal("Audiogram done at the hospital; report to follow.", saved.ReadyOverrideReason);
        Assert.Equal("Test Doctor", saved.ReadyOverriddenBy);
        var page = PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("Ready for surgery by a surgeon's override (Test Doctor): Audiogram done at the hospital; report to follow.", page, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.MvdReadyOverridden && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task OverrideReady_NoReason_IsRefusedAndChangesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "OverrideReady"), [new("Input.Reason", " ")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), "Input.Reason", "Give the reason to operate with the checklist incomplete.");
        Assert.Equal(MvdCaseStatus.Referred, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task OverrideReady_CompleteChecklist_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        await doctor.CompleteChecklistAsync(app, patientId, caseId);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "OverrideReady"), [new("Input.Reason", "Just in case")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The checklist is complete", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.ReadyOverrideReason).SingleAsync()));
    }

    [Fact]
    public async Task OverrideReady_Nurse_IsDenied()
    {
        var (patientId, caseId) = await app.CreateClient(Roles.Doctor).ReferAsync();

        var response = await app.CreateClient(Roles.Nurse).GetAsync(SurgeryTestData.CaseUrl(patientId, caseId, "OverrideReady"));

        SurgeryTestData.AssertDenied(response);
    }

    [Fact]
    public async Task Book_CaseNotReady_IsRefusedAndChangesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        var hospitalId = await app.AddHospitalAsync();
        var surgeonId = await app.AddSurgeonAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(hospitalId, surgeonId, app.Today().AddDays(7)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a case that is ready for surgery can be booked", await response.HtmlAsync(), StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.Referred, saved.Status);
        Assert.Null(saved.ScheduledStartUtc);
    }

    [Fact]
    public async Task Book_AfterOverride_IsAllowed()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();
        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "OverrideReady"), [new("Input.Reason", "Urgent")])).EnsureRedirect();
        var hospitalId = await app.AddHospitalAsync();
        var surgeonId = await app.AddSurgeonAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(hospitalId, surgeonId, app.Today().AddDays(7), theatre: TestData.UniqueWord("OT ")));

        response.EnsureRedirect();
        Assert.Equal(MvdCaseStatus.Booked, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }
}

public sealed class ChecklistPagesTestsOnSqlite(SqliteAppFactory app) : ChecklistPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ChecklistPagesTestsOnPostgres(PostgresAppFactory app) : ChecklistPagesTests<PostgresAppFactory>(app);
