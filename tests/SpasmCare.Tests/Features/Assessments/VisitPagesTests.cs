using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Assessments;

public abstract class VisitPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly Guid DoctorId = TestAuthHandler.UserIdOf(Roles.Doctor);
    private static readonly Guid NurseId = TestAuthHandler.UserIdOf(Roles.Nurse);

    [Fact]
    public async Task New_ValidForm_StoresTheSiteTimeInUtcAuditsAndRedirectsToTheVisit()
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Visits/New",
            VisitPages.VisitFields(siteId, DoctorId, "2026-11-23", "10:30", VisitType.FollowUp, "Twitching worse since Diwali"));

        var visitId = VisitPages.VisitIdOf(patientId, response);
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(v => v.Id == visitId));
        Assert.Equal(new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc), visit.StartedAtUtc);   // 10:30 in Kolkata
        Assert.Equal(siteId, visit.SiteId);
        Assert.Equal(DoctorId, visit.ClinicianId);
        Assert.Equal("Test Doctor", visit.ClinicianName);
        Assert.Equal(VisitType.FollowUp, visit.Type);
        Assert.Equal("Twitching worse since Diwali", visit.Note);
        Assert.Equal(1, await CountAsync(patientId, AuditAction.VisitCreated, visitId));
    }

    [Fact]
    public async Task New_SiteInAnotherZone_TakesTheTimeAsThatSitesLocalTime()
    {
        var (doctor, patientId, _) = await PatientAndSiteAsync();
        var dubai = await app.AddSiteAsync(TestData.UniqueWord("Zz Dubai "), "Asia/Dubai"); // sorts last: never the new-visit form's default site

        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(dubai, DoctorId, "2026-11-23", "10:30"));

        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(v => v.Id == visitId));
        Assert.Equal(new DateTime(2026, 11, 23, 6, 30, 0, DateTimeKind.Utc), visit.StartedAtUtc);
        var page = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}")).Content.ReadAsStringAsync());
        Assert.Contains("23 Nov 2026, 10:30", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_Get_DefaultsToNowTheSignedInClinicianAndANewConsultation()
    {
        var (nurse, patientId, _) = await PatientAndSiteAsync(Roles.Nurse);

        var html = await (await nurse.GetAsync($"/Patients/{patientId}/Visits/New")).Content.ReadAsStringAsync();

        // The fake clock, shown in the site's zone (Kolkata, UTC+5:30); other tests of this class may have moved it.
        var now = app.Time.GetUtcNow().ToOffset(TimeSpan.FromMinutes(330));
        Assert.Equal(now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PageHtml.ValueOf(html, "Input.Date"));
        Assert.Equal(now.ToString("HH:mm", CultureInfo.InvariantCulture), PageHtml.ValueOf(html, "Input.Time"));
        Assert.Matches(SelectedOption(NurseId.ToString()), html);
        Assert.Matches(SelectedOption(nameof(VisitType.NewConsultation)), html);
    }

    [Theory]
    [InlineData("Input.Date", "2026-11-26", "The visit cannot be in the future.")]
    [InlineData("Input.Date", "1960-01-01", "The visit cannot be before the patient's date of birth.")]
    [InlineData("Input.Type", "", "Choose the type of visit.")]
    [InlineData("Input.SiteId", "", "Choose the site of the visit.")]
    [InlineData("Input.ClinicianId", "9d0c4a52-0000-0000-0000-000000000001", "Choose a doctor or nurse from the list.")]
    [InlineData("Input.Time", "", "Enter the time the visit began.")]
    public async Task New_InvalidField_ShowsTheErrorKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var fields = VisitPages.VisitFields(siteId, DoctorId, note: "Kept note");
        fields[field] = value;

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Visits/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("Kept note</textarea>", html, StringComparison.Ordinal);
        if (field == "Input.Date")
        {
            Assert.Equal(value, PageHtml.ValueOf(html, "Input.Date"));
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.PatientId == patientId)));
    }

    [Fact]
    public async Task Edit_WithCurrentVersion_SavesAndAudits()
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId));
        var version = PageHtml.ValueOf(await (await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}/Edit")).Content.ReadAsStringAsync(), "Input.Version");
        var fields = VisitPages.VisitFields(siteId, DoctorId, time: "11:15", type: VisitType.InjectionVisit, note: "Injected");
        fields["Input.Version"] = version;

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Visits/{visitId}/Edit", fields);

        Assert.Equal($"/Patients/{patientId}/Visits/{visitId}", Redirects.LocationOf(response));
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(v => v.Id == visitId));
        Assert.Equal(new DateTime(2026, 11, 23, 5, 45, 0, DateTimeKind.Utc), visit.StartedAtUtc);
        Assert.Equal(VisitType.InjectionVisit, visit.Type);
        Assert.Equal("Injected", visit.Note);
        Assert.NotEqual(version, visit.Version.ToString());
        Assert.Equal(1, await CountAsync(patientId, AuditAction.VisitUpdated, visitId));
    }

    [Fact]
    public async Task Edit_WithStaleVersion_ShowsWhoChangedWhatKeepsTheFormAndOverwritesNothing()
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var nurse = app.CreateClient(Roles.Nurse);
        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId, note: "First"));
        var opened = PageHtml.ValueOf(await (await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}/Edit")).Content.ReadAsStringAsync(), "Input.Version");
        var theirs = VisitPages.VisitFields(siteId, DoctorId, note: "Nurse's note");
        theirs["Input.Version"] = opened;
        (await nurse.PostFormAsync($"/Patients/{patientId}/Visits/{visitId}/Edit", theirs)).EnsureRedirect();
        var mine = VisitPages.VisitFields(siteId, DoctorId, type: VisitType.FollowUp, note: "Doctor's note");
        mine["Input.Version"] = opened;

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Visits/{visitId}/Edit", mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Not saved: test.nurse changed this visit", PageHtml.TextOf(html), StringComparison.Ordinal);
        var rows = PageHtml.TableRows(html);
        Assert.Contains(rows, r => r.SequenceEqual(["Note", "Nurse's note", "Doctor's note"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Type of visit", "New consultation", "Follow-up"]));
        Assert.Contains("Doctor's note</textarea>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.Visits.SingleAsync(v => v.Id == visitId));
        Assert.Equal("Nurse's note", saved.Note);
        Assert.Equal(VisitType.NewConsultation, saved.Type);
        Assert.Equal(saved.Version.ToString(), PageHtml.ValueOf(html, "Input.Version"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.VisitUpdated && e.Outcome == AuditOutcome.Failed && e.StatusCode == 409)));
    }

    [Fact]
    public async Task EnteredInError_WithReason_MarksTheVisitKeepsItAndShowsItStruckThrough()
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId));
        var version = PageHtml.ValueOf(await (await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}/EnteredInError")).Content.ReadAsStringAsync(), "Input.Version");

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Visits/{visitId}/EnteredInError", new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.Reason"] = "Recorded on the wrong patient",
        });

        Assert.Equal($"/Patients/{patientId}/Visits/{visitId}", Redirects.LocationOf(response));
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(v => v.Id == visitId));
        Assert.True(visit.EnteredInError);
        Assert.Equal("Recorded on the wrong patient", visit.EnteredInErrorReason);
        Assert.Equal(1, await CountAsync(patientId, AuditAction.VisitEnteredInError, visitId));
        var patientPage = await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync();
        Assert.Contains("class=\"entered-in-error\"", patientPage, StringComparison.Ordinal);
        var edit = await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}/Edit");
        Assert.Equal($"/Patients/{patientId}/Visits/{visitId}", Redirects.LocationOf(edit));
    }

    [Fact]
    public async Task EnteredInError_WithoutReasonOrWithStaleVersion_ChangesNothing()
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId));
        var version = await app.WithDbAsync(db => db.Visits.Where(v => v.Id == visitId).Select(v => v.Version).SingleAsync());
        var url = $"/Patients/{patientId}/Visits/{visitId}/EnteredInError";

        var noReason = await doctor.PostFormAsync(url, new Dictionary<string, string> { ["Input.Version"] = version.ToString(), ["Input.Reason"] = "" });
        var stale = await doctor.PostFormAsync(url, new Dictionary<string, string> { ["Input.Version"] = Guid.NewGuid().ToString(), ["Input.Reason"] = "Duplicate" });

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give a reason", await noReason.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this visit after you opened it. Nothing was saved", await stale.HtmlAsync(), StringComparison.Ordinal);
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(v => v.Id == visitId));
        Assert.False(visit.EnteredInError);
        Assert.Equal(version, visit.Version);
    }

    [Fact]
    public async Task PatientPage_ForClinicians_ListsVisitsNewestFirstWithALinkToEach()
    {
        var (nurse, patientId, siteId) = await PatientAndSiteAsync(Roles.Nurse);
        var older = await nurse.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, NurseId, "2026-10-01", "09:00"));
        var newer = await nurse.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, NurseId, "2026-11-20", "16:45", VisitType.InjectionVisit));

        var html = await (await nurse.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/Patients/{patientId}/Visits/New\"", html, StringComparison.Ordinal);
        var rows = PageHtml.TableRows(VisitsSection(html));
        Assert.Equal(2, rows.Count);
        Assert.Equal(["20 Nov 2026, 16:45", "Injection visit"], rows[0][..2]);
        Assert.Equal(["1 Oct 2026, 09:00", "New consultation"], rows[1][..2]);
        Assert.Equal("Test Nurse", rows[0][3]);
        Assert.Equal("—", rows[0][4]);
        Assert.True(html.IndexOf($"/Visits/{newer}", StringComparison.Ordinal) < html.IndexOf($"/Visits/{older}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task NonClinicalRoles_AreDeniedEveryVisitPageAndSeeNoVisitsOnThePatientPage(string role)
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId, note: "Clinical note"));
        var client = app.CreateClient(role);

        foreach (var page in new[]
                 {
                     $"/Patients/{patientId}/Visits/New", $"/Patients/{patientId}/Visits/{visitId}",
                     $"/Patients/{patientId}/Visits/{visitId}/Edit", $"/Patients/{patientId}/Visits/{visitId}/EnteredInError",
                 })
        {
            var response = await client.GetAsync(page);
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
            Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
                e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role) && e.Detail == "GET " + page)));
        }

        var post = await client.PostAsync($"/Patients/{patientId}/Visits/New",
            new FormUrlEncodedContent(VisitPages.VisitFields(siteId, DoctorId)));
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(post), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.PatientId == patientId)));

        var patientPage = await client.GetAsync($"/Patients/Details/{patientId}");
        Assert.Equal(HttpStatusCode.OK, patientPage.StatusCode);
        var html = await patientPage.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"visits\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Visits/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Clinical note", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIds_Return404AndAuditTheAttempt()
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var (_, otherPatient, _) = await PatientAndSiteAsync();
        var othersVisit = await doctor.RecordVisitAsync(otherPatient, VisitPages.VisitFields(siteId, DoctorId));
        var unknown = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{unknown}/Visits/New")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{patientId}/Visits/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{patientId}/Visits/{othersVisit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{patientId}/Visits/{othersVisit}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{patientId}/Visits/{Guid.NewGuid()}/EnteredInError")).StatusCode);

        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == unknown.ToString() && e.Action == AuditAction.VisitRead));
        Assert.Equal(AuditOutcome.NotFound, row.Outcome);
        Assert.Equal(patientId, row.PatientId);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == unknown && e.Outcome == AuditOutcome.NotFound)));
    }

    [Fact]
    public async Task VisitPage_ShowsExaminationAndScaleSectionsAndTheReadIsAudited()
    {
        var (doctor, patientId, siteId) = await PatientAndSiteAsync();
        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId));

        var response = await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PageHtml.TextOf(await response.Content.ReadAsStringAsync());
        Assert.Contains("No examination recorded at this visit.", text, StringComparison.Ordinal);
        Assert.Contains("Rating scales at this visit", text, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(patientId, AuditAction.VisitRead, visitId));
    }

    private async Task<(HttpClient Client, Guid PatientId, Guid SiteId)> PatientAndSiteAsync(string role = Roles.Doctor)
    {
        var client = app.CreateClient(role);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var siteId = await app.AddSiteAsync();
        return (client, patientId, siteId);
    }

    private Task<int> CountAsync(Guid patientId, AuditAction action, Guid subjectId) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.PatientId == patientId && e.Action == action && e.SubjectId == subjectId.ToString() && e.Outcome == AuditOutcome.Succeeded));

    /// <summary>The Visits section of the patient page.</summary>
    private static string VisitsSection(string html)
    {
        var start = html.IndexOf("aria-labelledby=\"visits\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The patient page has no Visits section.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static Regex SelectedOption(string value) =>
        new("<option selected=\"selected\" value=\"" + Regex.Escape(value) + "\"|<option value=\"" + Regex.Escape(value) + "\" selected=\"selected\"");
}

public sealed class VisitPagesTestsOnSqlite(SqliteAppFactory app) : VisitPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class VisitPagesTestsOnPostgres(PostgresAppFactory app) : VisitPagesTests<PostgresAppFactory>(app);
