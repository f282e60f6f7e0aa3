using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Pathway;

public abstract class StayAndComplicationPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private Dictionary<string, string> Stay(int admittedDaysAgo, string admittedAt, int? dischargedDaysAgo, string dischargedAt = "") => new()
    {
        ["Input.AdmittedDate"] = SurgeryTestData.Iso(app.Today().AddDays(-admittedDaysAgo)),
        ["Input.AdmittedTime"] = admittedAt,
        ["Input.DischargedDate"] = dischargedDaysAgo is { } d ? SurgeryTestData.Iso(app.Today().AddDays(-d)) : "",
        ["Input.DischargedTime"] = dischargedAt,
        ["Input.DischargeNotes"] = "Paracetamol 1 g as needed. Resume aspirin after 7 days.",
    };

    private Dictionary<string, string> Complication(string kind = "FacialPalsy", string course = "Ongoing", int onsetDaysAgo = 1,
        string grade = "3", string resolvedOn = "") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.HouseBrackmannGrade"] = grade,
        ["Input.OtherDescription"] = "",
        ["Input.OnsetOn"] = SurgeryTestData.Iso(app.Today().AddDays(-onsetDaysAgo)),
        ["Input.Course"] = course,
        ["Input.ResolvedOn"] = resolvedOn,
        ["Input.Note"] = "",
    };

    [Fact]
    public async Task Stay_AdmissionAndDischarge_DischargesTheCaseAndShowsTheLengthAgainstTheTarget()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        var nurse = app.CreateClient(Roles.Nurse);

        var response = await nurse.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Stay"), Stay(3, "16:00", 0, "09:00"));

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.Discharged, saved.Status);
        Assert.Equal(app.Today().AddDays(-3).ToDateTime(new TimeOnly(10, 30)), saved.AdmittedAtUtc);
        var page = PageHtml.TextOf(await nurse.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("3 nights (3 days) — 1 day over the clinic's target of 2 days", page, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdStayRecorded)));
    }

    [Fact]
    public async Task Stay_TargetSetting_IsReadFromTheSettingsTable()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        await app.WithDbAsync(async db =>
        {
            if (!await db.Settings.AnyAsync(s => s.Key == MvdCaseRules.LengthOfStayTargetKey))
            {
                db.Settings.Add(new AppSetting { Key = MvdCaseRules.LengthOfStayTargetKey, Value = "4" });
                await db.SaveChangesAsync();
            }

            return 0;
        });

        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Stay"), Stay(3, "16:00", 0, "09:00"))).EnsureRedirect();

        var page = PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("3 nights (3 days) — within the clinic's target of 4 days", page, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            db.Settings.Remove(await db.Settings.SingleAsync(s => s.Key == MvdCaseRules.LengthOfStayTargetKey));
            return await db.SaveChangesAsync();
        });
    }

    [Theory]
    [InlineData(1, "16:00", 2, "09:00", "Input.DischargedDate", "The discharge cannot be before the admission.")]
    [InlineData(3, "16:00", 0, "", "Input.DischargedTime", "Enter both the date and the time of discharge, or neither.")]
    [InlineData(1, "16:00", 0, "09:00", "Input.AdmittedDate", "The admission is after the start of the operation.")]
    [InlineData(3, "16:00", 2, "10:00", "Input.DischargedDate", "The discharge is before the end of the operation.")]
    [InlineData(3, "16:00", -1, "10:00", "Input.DischargedDate", "The discharge cannot be in the future.")]
    public async Task Stay_Invalid_ShowsTheMessageBesideTheFieldAndChangesNothing(int admitted, string admittedAt, int discharged,
        string dischargedAt, string field, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Stay"), Stay(admitted, admittedAt, discharged, dischargedAt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        SurgeryTestData.AssertErrorBeside(html, field, message);
        Assert.Contains("Resume aspirin after 7 days.", html, StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Null(saved.AdmittedAtUtc);
        Assert.Equal(MvdCaseStatus.Operated, saved.Status);
    }

    [Fact]
    public async Task Stay_DischargeBeforeTheOperationIsRecorded_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Stay"), Stay(3, "16:00", 0, "09:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), "Input.DischargedDate", "Record the operation before the discharge.");
    }

    [Fact]
    public async Task Stay_AdmissionOnlyWhileBooked_IsSaved()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app);

        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Stay"), Stay(3, "16:00", null))).EnsureRedirect();

        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.NotNull(saved.AdmittedAtUtc);
        Assert.Equal(MvdCaseStatus.Booked, saved.Status);
    }

    [Fact]
    public async Task DischargeSummary_Print_ShowsOperationComplicationsMedicinesAndFollowUpDatesAndIsAudited()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Stay"), Stay(3, "16:00", 0, "09:00"))).EnsureRedirect();
        (await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), Complication())).EnsureRedirect();

        var html = await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Discharge/Print"));

        var text = PageHtml.TextOf(html);
        Assert.Contains("Discharge summary", text, StringComparison.Ordinal);
        Assert.Contains("Offending vessels: AICA, PICA", text, StringComparison.Ordinal);
        Assert.Contains("Facial palsy House–Brackmann III", text, StringComparison.Ordinal);
        Assert.Contains("Resume aspirin after 7 days.", text, StringComparison.Ordinal);
        Assert.Contains("1 week: between", text, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdDischargeSummaryPrinted)));
    }

    [Fact]
    public async Task Complication_FacialPalsy_IsRecordedAndAudited()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);

        var response = await app.CreateClient(Roles.Nurse).PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), Complication());

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdComplications.SingleAsync(c => c.CaseId == caseId));
        Assert.Equal(MvdComplicationKind.FacialPalsy, saved.Kind);
        Assert.Equal(3, saved.HouseBrackmannGrade);
        Assert.Equal(ComplicationCourse.Ongoing, saved.Course);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdComplicationRecorded && e.SubjectId == saved.Id.ToString())));
    }

    [Fact]
    public async Task Complication_DelayedFacialPalsy_ShowsTheOnsetDayAfterTheOperation()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);

        (await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), Complication("DelayedFacialPalsy", onsetDaysAgo: 0, grade: "2"))).EnsureRedirect();

        var page = PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId)));
        Assert.Contains("Delayed facial palsy House–Brackmann II", page, StringComparison.Ordinal);
        Assert.Contains("post-operative day 2", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FacialPalsy", "Ongoing", 1, "", "", "Input.HouseBrackmannGrade", "Choose the House–Brackmann grade.")]
    [InlineData("CsfLeak", "Ongoing", 1, "2", "", "Input.HouseBrackmannGrade", "A House–Brackmann grade applies only to facial palsy.")]
    [InlineData("CsfLeak", "Transient", 1, "", "", "Input.ResolvedOn", "A transient complication needs the date it resolved.")]
    [InlineData("HearingLoss", "Permanent", 1, "", "today", "Input.ResolvedOn", "A permanent complication has no date of resolution.")]
    [InlineData("Other", "Ongoing", 1, "", "", "Input.OtherDescription", "Describe the complication.")]
    [InlineData("CsfLeak", "Ongoing", 5, "", "", "Input.OnsetOn", "The onset cannot be before the operation")]
    [InlineData("DelayedFacialPalsy", "Ongoing", 2, "2", "", "Input.OnsetOn", "A delayed facial palsy starts on a day after the operation")]
    [InlineData("CsfLeak", "Ongoing", -1, "", "", "Input.OnsetOn", "The onset cannot be in the future.")]
    public async Task Complication_Invalid_ShowsTheMessageBesideTheFieldAndSavesNothing(string kind, string course, int onsetDaysAgo,
        string grade, string resolved, string field, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        var fields = Complication(kind, course, onsetDaysAgo, grade, resolved == "today" ? SurgeryTestData.Iso(app.Today()) : resolved);

        var response = await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), field, message);
        Assert.False(await app.WithDbAsync(db => db.MvdComplications.AnyAsync(c => c.CaseId == caseId)));
    }

    [Fact]
    public async Task Complication_NurseMarksPermanent_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);

        var response = await app.CreateClient(Roles.Nurse).PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"),
            Complication("HearingLoss", "Permanent", grade: ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), "Input.Course", "Only a doctor can mark a complication permanent");
        Assert.False(await app.WithDbAsync(db => db.MvdComplications.AnyAsync(c => c.CaseId == caseId)));
    }

    [Fact]
    public async Task Complication_DoctorMarksPermanent_IsSavedAndANurseCannotUndoIt()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        (await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), Complication("HearingLoss", "Ongoing", grade: ""))).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.MvdComplications.Where(c => c.CaseId == caseId).Select(c => c.Id).SingleAsync());
        var editUrl = SurgeryTestData.CaseUrl(patientId, caseId, $"Complications/{id}/Edit");

        (await doctor.PostVersionedAsync(editUrl, Complication("HearingLoss", "Permanent", grade: ""))).EnsureRedirect();
        var nurseTry = await app.CreateClient(Roles.Nurse).PostVersionedAsync(editUrl,
            Complication("HearingLoss", "Transient", grade: "", resolvedOn: SurgeryTestData.Iso(app.Today())));

        Assert.Equal(HttpStatusCode.OK, nurseTry.StatusCode);
        Assert.Equal(ComplicationCourse.Permanent, await app.WithDbAsync(db => db.MvdComplications.Where(c => c.Id == id).Select(c => c.Course).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdComplicationUpdated && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Complication_ResolvedByANurse_IsTransientWithItsDate()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        (await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), Complication())).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.MvdComplications.Where(c => c.CaseId == caseId).Select(c => c.Id).SingleAsync());

        var response = await app.CreateClient(Roles.Nurse).PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, $"Complications/{id}/Edit"),
            Complication(course: "Transient", resolvedOn: SurgeryTestData.Iso(app.Today())));

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdComplications.SingleAsync(c => c.Id == id));
        Assert.Equal(ComplicationCourse.Transient, saved.Course);
        Assert.Equal(app.Today(), saved.ResolvedOn);
    }

    [Fact]
    public async Task Complication_EditOnAStaleVersion_SavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        (await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), Complication())).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.MvdComplications.Where(c => c.CaseId == caseId).Select(c => c.Id).SingleAsync());
        var editUrl = SurgeryTestData.CaseUrl(patientId, caseId, $"Complications/{id}/Edit");
        var stale = PageHtml.ValueOf(await doctor.GetStringAsync(editUrl), "Input.Version");
        (await doctor.PostVersionedAsync(editUrl, Complication(grade: "4"))).EnsureRedirect();

        var response = await doctor.PostVersionedAsync(editUrl, Complication(grade: "5"), version: stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this record after you opened it.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await app.WithDbAsync(db => db.MvdComplications.Where(c => c.Id == id).Select(c => c.HouseBrackmannGrade).SingleAsync()));
    }

    [Fact]
    public async Task Complication_EnteredInError_LeavesTheRecordButNotTheList()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        (await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), Complication("WoundInfection", grade: ""))).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.MvdComplications.Where(c => c.CaseId == caseId).Select(c => c.Id).SingleAsync());
        var editUrl = SurgeryTestData.CaseUrl(patientId, caseId, $"Complications/{id}/Edit");

        var response = await doctor.PostVersionedAsync(editUrl, [new("ErrorReason", "Wrong patient")], postUrl: editUrl + "?handler=EnteredInError");

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdComplications.SingleAsync(c => c.Id == id));
        Assert.True(saved.EnteredInError);
        Assert.StartsWith("Entered in error: Wrong patient", saved.Note, StringComparison.Ordinal);
        Assert.Contains("No complications recorded.", PageHtml.TextOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync(editUrl)).StatusCode);
    }

    [Fact]
    public async Task Complication_CaseNotOperated_IsNotFound()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();

        var response = await doctor.GetAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class StayAndComplicationPagesTestsOnSqlite(SqliteAppFactory app) : StayAndComplicationPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class StayAndComplicationPagesTestsOnPostgres(PostgresAppFactory app) : StayAndComplicationPagesTests<PostgresAppFactory>(app);
