using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Examination;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Assessments;

public abstract class ExaminationPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly Guid DoctorId = TestAuthHandler.UserIdOf(Roles.Doctor);

    /// <summary>Left HFS that began in the lower lid and spread down, with the other Babinski sign (DOMAIN §1.1).</summary>
    private static readonly FacialExamination TypicalHfs = new()
    {
        Side = AffectedSide.Left,
        InvolvedRegions = ImmutableHashSet.Create(FacialRegion.LowerLid, FacialRegion.UpperLid, FacialRegion.Cheek, FacialRegion.Mouth),
        OnsetRegion = FacialRegion.LowerLid,
        Spread = SpreadPattern.Typical,
        UpperLowerFaceSynchronous = true,
        OtherBabinskiSign = true,
        Contraction = ContractionType.Clonic,
        PersistsInSleep = true,
        SensoryTrick = false,
        IncreasedBlinking = false,
        VoluntarilySuppressible = false,
        TriggeredByVoluntaryMovement = false,
        EarlierFacialPalsy = false,
        FacialWeakness = false,
        FacialSensoryDeficit = false,
        HearingLoss = false,
        EarClick = true,
        OtherCranialNerveSigns = false,
        AgeAtOnsetYears = 52,
        DurationMonths = 30,
        AggravatingFactors = "Stress",
    };

    [Fact]
    public async Task Record_TypicalHfs_SavesTheFindingsAndThePageRanksPrimaryHfsFirst()
    {
        var (doctor, patientId, visitId) = await VisitAsync();

        var response = await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs));

        var examId = VisitPages.ExaminationIdOf(patientId, response);
        var saved = await app.WithDbAsync(db => db.Examinations.SingleAsync(e => e.Id == examId));
        Assert.Equal(visitId, saved.VisitId);
        Assert.Equal(AffectedSide.Left, saved.Side);
        Assert.Equal(DoctorId, saved.ExaminerId);
        Assert.Equal(new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc), saved.ExaminedAtUtc);
        Assert.Equal(TypicalHfs, saved.ReadFindings() with { InvolvedRegions = TypicalHfs.InvolvedRegions });
        Assert.True(saved.ReadFindings().InvolvedRegions.SetEquals(TypicalHfs.InvolvedRegions));
        Assert.Equal(1, await CountAsync(patientId, AuditAction.ExaminationRecorded, examId));

        var page = await doctor.GetAsync($"/Patients/{patientId}/Examinations/{examId}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var text = PageHtml.TextOf(html);
        Assert.Contains("Ranked first: Primary hemifacial spasm", text, StringComparison.Ordinal);
        Assert.Contains("Other Babinski sign present: seen in 86% of HFS", text, StringComparison.Ordinal);
        Assert.Contains("DOMAIN §1.1", text, StringComparison.Ordinal);
        Assert.Contains("A suggestion from the recorded findings; the doctor makes the diagnosis.", text, StringComparison.Ordinal);
        Assert.Contains("Does not meet the blepharospasm criteria", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Imaging advised before botulinum toxin", text, StringComparison.Ordinal);
        Assert.Contains("Involved regions Upper lid, Lower lid, Cheek, Mouth", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Diagnoses/New?condition=HemifacialSpasm\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(patientId, AuditAction.ExaminationRead, examId));
        Assert.Equal(1, await CountAsync(patientId, AuditAction.DifferentialViewed, examId));
    }

    [Fact]
    public async Task Record_RedFlags_ThePageAdvisesImagingBeforeToxinWithTheReasons()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var redFlags = TypicalHfs with { AgeAtOnsetYears = 31, DurationMonths = 12, HearingLoss = true };

        var response = await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(redFlags));

        var examId = VisitPages.ExaminationIdOf(patientId, response);
        var text = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Examinations/{examId}")).Content.ReadAsStringAsync());
        Assert.Contains("Imaging advised before botulinum toxin", text, StringComparison.Ordinal);
        Assert.Contains("Onset at age 31: onset before 40 is unusual for primary HFS", text, StringComparison.Ordinal);
        Assert.Contains("Hearing loss (DOMAIN §1.2).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_InvalidFindings_ShowsTheErrorsBesideTheFieldsKeepsTheInputAndSavesNothing()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var fields = VisitPages.ExaminationFieldsOf(TypicalHfs with { OnsetRegion = FacialRegion.Chin, AgeAtOnsetYears = 130, DurationMonths = null });
        fields.Add(new("Input.DurationMonths", "many"));
        fields.RemoveAll(f => f.Key == "Input.DurationMonths" && f.Value.Length == 0);

        var response = await doctor.PostFormAsync(NewUrl(patientId, visitId), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains("The value 'many' is not valid", decoded, StringComparison.Ordinal);
        Assert.Equal("many", PageHtml.ValueOf(html, "Input.DurationMonths"));
        Assert.Equal("130", PageHtml.ValueOf(html, "Input.AgeAtOnsetYears"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Examinations.CountAsync(e => e.PatientId == patientId)));

        // Once the form parses, the clinical checks speak, each beside its field.
        fields.RemoveAll(f => f.Key == "Input.DurationMonths");
        var checkedResponse = await doctor.PostFormAsync(NewUrl(patientId, visitId), fields);

        var checkedHtml = WebUtility.HtmlDecode(await checkedResponse.Content.ReadAsStringAsync());
        Assert.Matches(FieldError("Input.OnsetRegion", "The onset region must be one of the involved regions."), checkedHtml);
        Assert.Matches(FieldError("Input.AgeAtOnsetYears", "Age at onset must be between 0 and 120 years."), checkedHtml);
        Assert.Matches(Checked("Input.Side", "Left"), checkedHtml);
        Assert.Matches(Checked("Input.OtherBabinskiSign", "true"), checkedHtml);
        Assert.Matches(Checked("Input.HearingLoss", "false"), checkedHtml);
        Assert.Matches(Checked("Input.PremonitoryUrge", ""), checkedHtml);
        Assert.Matches(Checked("Input.InvolvedRegions", "Cheek"), checkedHtml);
        Assert.DoesNotMatch(Checked("Input.InvolvedRegions", "Chin"), checkedHtml);
        Assert.Contains("Stress</textarea>", checkedHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Examinations.CountAsync(e => e.PatientId == patientId)));
    }

    [Fact]
    public async Task New_EmptyForm_DefaultsEveryFindingToNotExamined()
    {
        var (doctor, patientId, visitId) = await VisitAsync();

        var html = await (await doctor.GetAsync(NewUrl(patientId, visitId))).Content.ReadAsStringAsync();

        foreach (var finding in ExaminationFields.AllFindings)
        {
            Assert.Matches(Checked("Input." + finding.Name, ""), html);
        }

        Assert.Matches(Checked("Input.Side", "Unknown"), html);
        Assert.DoesNotContain("Start from the previous examination", html, StringComparison.Ordinal);
        Assert.Contains("data-face-map=\"interactive\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/face-map.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_StartFromPrevious_FillsTheFormFromTheLatestCurrentExamination()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var first = VisitPages.ExaminationIdOf(patientId,
            await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs)));
        var siteId = await app.WithDbAsync(db => db.Visits.Where(v => v.Id == visitId).Select(v => v.SiteId).SingleAsync());
        var followUp = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId, "2026-11-24", "09:30", VisitType.FollowUp));

        var plain = await (await doctor.GetAsync(NewUrl(patientId, followUp))).Content.ReadAsStringAsync();
        var prefilled = await (await doctor.GetAsync(NewUrl(patientId, followUp) + "?start=previous")).Content.ReadAsStringAsync();

        Assert.Contains($"/Visits/{followUp}/Examinations/New?start=previous", plain, StringComparison.Ordinal);
        Assert.Matches(Checked("Input.Side", "Unknown"), plain);
        Assert.Matches(Checked("Input.Side", "Left"), prefilled);
        Assert.Matches(Checked("Input.OtherBabinskiSign", "true"), prefilled);
        Assert.Matches(Checked("Input.InvolvedRegions", "LowerLid"), prefilled);
        Assert.Equal("52", PageHtml.ValueOf(prefilled, "Input.AgeAtOnsetYears"));
        Assert.Equal(1, await CountAsync(patientId, AuditAction.ExaminationRead, first));
    }

    [Fact]
    public async Task Amend_SavesANewVersionKeepsTheOldOneAndAudits()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var original = VisitPages.ExaminationIdOf(patientId,
            await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs)));
        var amendUrl = $"/Patients/{patientId}/Examinations/{original}/Amend";
        var form = await (await doctor.GetAsync(amendUrl)).Content.ReadAsStringAsync();
        Assert.Matches(Checked("Input.Side", "Left"), form);

        var response = await doctor.PostFormAsync(amendUrl,
            VisitPages.ExaminationFieldsOf(TypicalHfs with { Side = AffectedSide.Right }, "Side recorded wrongly"));

        var amendment = VisitPages.ExaminationIdOf(patientId, response);
        var (old, @new) = await app.WithDbAsync(async db => (
            await db.Examinations.SingleAsync(e => e.Id == original), await db.Examinations.SingleAsync(e => e.Id == amendment)));
        Assert.Equal(amendment, old.SupersededBy);
        Assert.Equal(AffectedSide.Left, old.Side);
        Assert.Equal(original, @new.Amends);
        Assert.Equal("Side recorded wrongly", @new.AmendmentReason);
        Assert.Equal(AffectedSide.Right, @new.Side);
        Assert.Equal(old.ExaminedAtUtc, @new.ExaminedAtUtc);
        Assert.Equal(1, await CountAsync(patientId, AuditAction.ExaminationAmended, amendment));
        var oldPage = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Examinations/{original}")).Content.ReadAsStringAsync());
        Assert.Contains("This version was amended later.", oldPage, StringComparison.Ordinal);
        var newPage = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Examinations/{amendment}")).Content.ReadAsStringAsync());
        Assert.Contains("Reason: Side recorded wrongly", newPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_TwoAmendmentsOfTheSameVersion_TheSecondIsRefusedAndSavesNothing()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var colleague = app.CreateClient(Roles.Doctor);
        var original = VisitPages.ExaminationIdOf(patientId,
            await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs)));
        var amendUrl = $"/Patients/{patientId}/Examinations/{original}/Amend";
        var first = await colleague.PostFormAsync(amendUrl, VisitPages.ExaminationFieldsOf(TypicalHfs with { EarClick = false }, "No ear click on review"));
        var firstId = VisitPages.ExaminationIdOf(patientId, first);
        var token = FormPost.TokenOf(await (await doctor.GetAsync($"/Patients/{patientId}/Examinations/{firstId}/Amend")).Content.ReadAsStringAsync());

        // The second doctor's form was opened on the original version before the first amendment was saved.
        var second = await doctor.PostAsync(amendUrl, new FormUrlEncodedContent(
            VisitPages.ExaminationFieldsOf(TypicalHfs with { HearingLoss = true }, "Hearing loss found").Append(new("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Not saved: Test Doctor amended this examination", PageHtml.TextOf(html), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Examinations/{firstId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Hearing loss found</textarea>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var rows = await app.WithDbAsync(db => db.Examinations.Where(e => e.PatientId == patientId).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, e => e.SupersededBy is null);
        Assert.Equal(firstId, rows.Single(e => e.Id == original).SupersededBy);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ExaminationAmended && e.Outcome == AuditOutcome.Failed && e.StatusCode == 409)));
    }

    [Fact]
    public async Task Amend_WithoutReason_AsksForOneAndSavesNothing()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var original = VisitPages.ExaminationIdOf(patientId,
            await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs)));

        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Examinations/{original}/Amend",
            VisitPages.ExaminationFieldsOf(TypicalHfs with { Side = AffectedSide.Right }, ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches(FieldError("Input.AmendmentReason", "Say why the examination is amended"), html);
        Assert.Matches(Checked("Input.Side", "Right"), html);
        Assert.Equal(1, await app.WithDbAsync(db => db.Examinations.CountAsync(e => e.PatientId == patientId)));
    }

    [Fact]
    public async Task VisitAndPatientPages_ShowTheRecordedExamination()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var examId = VisitPages.ExaminationIdOf(patientId,
            await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs)));

        var visitPage = await (await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}")).Content.ReadAsStringAsync();
        var nurseVisitPage = await (await app.CreateClient(Roles.Nurse).GetAsync($"/Patients/{patientId}/Visits/{visitId}")).Content.ReadAsStringAsync();
        var patientPage = await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/Patients/{patientId}/Examinations/{examId}\"", visitPage, StringComparison.Ordinal);
        Assert.Contains("Facial examination", nurseVisitPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Examinations/{examId}", nurseVisitPage, StringComparison.Ordinal);
        Assert.Contains("<td>Recorded</td>", patientPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task ExaminationPages_AreDoctorsOnly(string role)
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var examId = VisitPages.ExaminationIdOf(patientId,
            await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs)));
        var client = app.CreateClient(role);

        foreach (var page in new[]
                 {
                     NewUrl(patientId, visitId), $"/Patients/{patientId}/Examinations/{examId}",
                     $"/Patients/{patientId}/Examinations/{examId}/Amend",
                 })
        {
            var response = await client.GetAsync(page);
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
            Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
                e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role) && e.Detail == "GET " + page)));
        }

        var post = await client.PostAsync(NewUrl(patientId, visitId), new FormUrlEncodedContent(VisitPages.ExaminationFieldsOf(TypicalHfs)));
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(post), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Examinations.CountAsync(e => e.PatientId == patientId)));
    }

    [Fact]
    public async Task UnknownIds_Return404AndAuditTheAttempt()
    {
        var (doctor, patientId, visitId) = await VisitAsync();
        var (_, otherPatient, otherVisit) = await VisitAsync();
        var othersExam = VisitPages.ExaminationIdOf(otherPatient,
            await doctor.PostFormAsync(NewUrl(otherPatient, otherVisit), VisitPages.ExaminationFieldsOf(TypicalHfs)));
        var unknown = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync(NewUrl(patientId, unknown))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync(NewUrl(patientId, otherVisit))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{patientId}/Examinations/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{patientId}/Examinations/{othersExam}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/Patients/{patientId}/Examinations/{othersExam}/Amend")).StatusCode);
        var post = await doctor.PostFormAsync(NewUrl(patientId, visitId), VisitPages.ExaminationFieldsOf(TypicalHfs), postUrl: NewUrl(patientId, otherVisit));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == unknown.ToString() && e.Action == AuditAction.ExaminationRead));
        Assert.Equal(AuditOutcome.NotFound, row.Outcome);
        Assert.Equal(0, await app.WithDbAsync(db => db.Examinations.CountAsync(e => e.PatientId == patientId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == otherPatient && e.Action == AuditAction.DifferentialViewed)));
    }

    private async Task<(HttpClient Doctor, Guid PatientId, Guid VisitId)> VisitAsync()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var siteId = await app.AddSiteAsync();
        var visitId = await doctor.RecordVisitAsync(patientId, VisitPages.VisitFields(siteId, DoctorId));
        return (doctor, patientId, visitId);
    }

    private static string NewUrl(Guid patientId, Guid visitId) => $"/Patients/{patientId}/Visits/{visitId}/Examinations/New";

    private Task<int> CountAsync(Guid patientId, AuditAction action, Guid subjectId) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.PatientId == patientId && e.Action == action && e.SubjectId == subjectId.ToString() && e.Outcome == AuditOutcome.Succeeded));

    /// <summary>A checked radio button or checkbox with that name and value.</summary>
    private static Regex Checked(string name, string value) =>
        new("<input(?=[^>]*\\sname=\"" + Regex.Escape(name) + "\")(?=[^>]*\\svalue=\"" + Regex.Escape(value) + "\")(?=[^>]*\\schecked=\"checked\")[^>]*>");

    /// <summary>A validation message for the field, right after its input (within the same field).</summary>
    private static Regex FieldError(string name, string message) =>
        new("data-valmsg-for=\"" + Regex.Escape(name) + "\"[^>]*>" + Regex.Escape(message));
}

public sealed class ExaminationPagesTestsOnSqlite(SqliteAppFactory app) : ExaminationPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ExaminationPagesTestsOnPostgres(PostgresAppFactory app) : ExaminationPagesTests<PostgresAppFactory>(app);
