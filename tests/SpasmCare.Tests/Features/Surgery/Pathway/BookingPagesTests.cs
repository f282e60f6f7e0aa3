using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Pathway;

public abstract class BookingPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private async Task<(Guid PatientId, Guid CaseId)> ReadyCaseAsync(HttpClient client)
    {
        var (patientId, caseId) = await client.ReferAsync();
        await client.CompleteChecklistAsync(app, patientId, caseId);
        return (patientId, caseId);
    }

    [Fact]
    public async Task Book_ReadyCase_BooksInTheHospitalsZoneAndAuditsIt()
    {
        var nurse = app.CreateClient(Roles.Nurse);
        var (patientId, caseId) = await ReadyCaseAsync(app.CreateClient(Roles.Doctor));
        var hospitalId = await app.AddHospitalAsync();
        var surgeonId = await app.AddSurgeonAsync();
        var date = app.Today().AddDays(7);

        var response = await nurse.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(hospitalId, surgeonId, date, "09:00", 180, "  OT   3 "));

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.Booked, saved.Status);
        Assert.Equal(date.ToDateTime(new TimeOnly(3, 30)), saved.ScheduledStartUtc);
        Assert.Equal("OT 3", saved.Theatre);
        Assert.Equal(180, saved.ScheduledMinutes);
        Assert.Equal(surgeonId, saved.SurgeonId);
        Assert.StartsWith("Test surgeon", saved.SurgeonName, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.MvdBooked && e.Outcome == AuditOutcome.Succeeded)));
        var list = PageHtml.TextOf(await nurse.GetStringAsync("/Surgery?Hospital=" + hospitalId));
        Assert.Contains("OT 3", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_TheatreTakenAtAnOverlappingTime_IsRefusedAsJustTaken()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(10);
        var (_, _, hospitalId, _) = await doctor.BookedCaseAsync(app, date, "09:00", "OT 1");
        var (patientId, caseId) = await ReadyCaseAsync(doctor);
        var otherSurgeon = await app.AddSurgeonAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(hospitalId, otherSurgeon, date, "11:30", 120, "ot 1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        SurgeryTestData.AssertErrorBeside(html, "Input.StartTime", BookTheatre.TakenMessage);
        Assert.Contains("the theatre is booked from", html, StringComparison.Ordinal);
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.ReadyForSurgery, saved.Status);
        Assert.Null(saved.ScheduledStartUtc);
    }

    [Fact]
    public async Task Book_SurgeonBusyInAnotherTheatre_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(11);
        var (_, _, _, surgeonId) = await doctor.BookedCaseAsync(app, date, "09:00");
        var (patientId, caseId) = await ReadyCaseAsync(doctor);
        var otherHospital = await app.AddHospitalAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(otherHospital, surgeonId, date, "10:00", 60, "OT 9"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the surgeon is booked from", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.ScheduledStartUtc).SingleAsync()));
    }

    [Fact]
    public async Task Book_RightAfterTheOtherEnds_IsAllowed()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(12);
        var (_, _, hospitalId, surgeonId) = await doctor.BookedCaseAsync(app, date, "09:00", "OT 1");
        var (patientId, caseId) = await ReadyCaseAsync(doctor);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(hospitalId, surgeonId, date, "12:00", 120, "OT 1"));

        response.EnsureRedirect();
    }

    [Fact]
    public async Task Book_SameTheatreNameAtAnotherHospital_IsAllowed()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(13);
        await doctor.BookedCaseAsync(app, date, "09:00", "OT 1");
        var (patientId, caseId) = await ReadyCaseAsync(doctor);
        var otherHospital = await app.AddHospitalAsync();
        var otherSurgeon = await app.AddSurgeonAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(otherHospital, otherSurgeon, date, "09:00", 180, "OT 1"));

        response.EnsureRedirect();
    }

    [Fact]
    public async Task Book_ConcurrentRequestsForOneSlot_ExactlyOneWinsTheRestAreToldItWasJustTaken()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var hospitalId = await app.AddHospitalAsync();
        var surgeonId = await app.AddSurgeonAsync();
        var date = app.Today().AddDays(20);
        var cases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReadyCaseAsync(app.CreateClient(Roles.Doctor))));
        var forms = await Task.WhenAll(cases.Select(async c =>
        {
            var client = app.CreateClient(Roles.Doctor);
            var url = SurgeryTestData.CaseUrl(c.PatientId, c.CaseId, "Book");
            var html = await client.GetStringAsync(url);
            var fields = SurgeryTestData.Booking(hospitalId, surgeonId, date, "09:00", 180, "OT 1").ToList();
            fields.Add(new("Input.Version", PageHtml.ValueOf(html, "Input.Version")));
            fields.Add(new("__RequestVerificationToken", FormPost.TokenOf(html)));
            return (client, url, fields);
        }));

        var responses = await Task.WhenAll(forms.Select(f => f.client.PostAsync(f.url, new FormUrlEncodedContent(f.fields))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(7, refused.Count);
        var texts = await Task.WhenAll(refused.Select(r => r.HtmlAsync()));
        Assert.All(texts, t => Assert.Contains(BookTheatre.TakenMessage, t, StringComparison.Ordinal));
        var caseIds = cases.Select(c => c.CaseId).ToList();
        Assert.Equal(1, await app.WithDbAsync(db => db.MvdCases.CountAsync(c => caseIds.Contains(c.Id) && c.Status == MvdCaseStatus.Booked)));
    }

    [Fact]
    public async Task Book_HospitalWithoutATheatre_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await ReadyCaseAsync(doctor);
        var clinic = await app.AddHospitalAsync(theatre: false);
        var surgeonId = await app.AddSurgeonAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(clinic, surgeonId, app.Today().AddDays(7)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), "Input.HospitalSiteId", "Choose a hospital with an operating theatre from the list.");
        Assert.Null(await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.HospitalSiteId).SingleAsync()));
    }

    [Fact]
    public async Task Book_SurgeonWhoIsNotADoctor_IsRefused()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await ReadyCaseAsync(doctor);
        var hospitalId = await app.AddHospitalAsync();
        var nurseId = await app.AddSurgeonAsync(Roles.Nurse);

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(hospitalId, nurseId, app.Today().AddDays(7)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), "Input.SurgeonId", "Choose a surgeon from the list of doctors.");
    }

    [Theory]
    [InlineData("Input.Minutes", "10", "Enter an expected duration from 30 to 960 minutes.")]
    [InlineData("Input.Theatre", "", "Enter the theatre.")]
    [InlineData("Input.Date", "", "Enter the date.")]
    public async Task Book_InvalidField_ShowsTheMessageAndBooksNothing(string field, string value, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await ReadyCaseAsync(doctor);
        var fields = SurgeryTestData.Booking(await app.AddHospitalAsync(), await app.AddSurgeonAsync(), app.Today().AddDays(7));
        fields[field] = value;

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurgeryTestData.AssertErrorBeside(await response.HtmlAsync(), field, message);
        Assert.Equal(MvdCaseStatus.ReadyForSurgery, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Rebook_AnotherTime_MovesTheBookingAndAuditsTheChange()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(14);
        var (patientId, caseId, hospitalId, surgeonId) = await doctor.BookedCaseAsync(app, date, "09:00", "OT 5");

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Book"),
            SurgeryTestData.Booking(hospitalId, surgeonId, date.AddDays(1), "10:00", 180, "OT 5"));

        response.EnsureRedirect();
        Assert.Equal(date.AddDays(1).ToDateTime(new TimeOnly(4, 30)),
            await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.ScheduledStartUtc).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdBookingChanged)));
    }

    [Fact]
    public async Task CancelBooking_WithReason_FreesTheSlotAndTheCaseIsReadyAgain()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var date = app.Today().AddDays(15);
        var (patientId, caseId, hospitalId, surgeonId) = await doctor.BookedCaseAsync(app, date, "09:00", "OT 6");

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "CancelBooking"), [new("Input.Reason", "Patient has a chest infection")]);

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.ReadyForSurgery, saved.Status);
        Assert.Null(saved.ScheduledStartUtc);
        Assert.Equal("Patient has a chest infection", saved.CancelledReason);
        var (otherPatient, otherCase) = await ReadyCaseAsync(doctor);
        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(otherPatient, otherCase, "Book"),
            SurgeryTestData.Booking(hospitalId, surgeonId, date, "09:00", 180, "OT 6"))).EnsureRedirect();
    }

    [Fact]
    public async Task CancelBooking_NoReason_ChangesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, app.Today().AddDays(16));

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "CancelBooking"), [new("Input.Reason", "")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MvdCaseStatus.Booked, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Cancel_Case_IsCancelledWithItsReasonAndNoLongerBlocksAReferral()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();

        var response = await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Cancel"), [new("Input.Reason", "Chose to continue toxin")]);

        response.EnsureRedirect();
        var saved = await app.WithDbAsync(db => db.MvdCases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(MvdCaseStatus.Cancelled, saved.Status);
        Assert.Equal("Chose to continue toxin", saved.CancelledReason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.MvdCancelled)));
        await doctor.ReferAsync(patientId);
    }

    [Fact]
    public async Task Book_StaleVersion_SavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await ReadyCaseAsync(doctor);
        var url = SurgeryTestData.CaseUrl(patientId, caseId, "Book");
        var stale = PageHtml.ValueOf(await doctor.GetStringAsync(url), "Input.Version");
        await doctor.CompleteChecklistAsync(app, patientId, caseId);
        var fields = SurgeryTestData.Checklist(app.Today());
        fields.RemoveAll(f => f.Key == "Input.AnaesthesiaNote");
        fields.Add(new("Input.AnaesthesiaNote", "ASA 2"));
        (await doctor.PostVersionedAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Checklist"), fields)).EnsureRedirect();

        var response = await doctor.PostVersionedAsync(url,
            SurgeryTestData.Booking(await app.AddHospitalAsync(), await app.AddSurgeonAsync(), app.Today().AddDays(7)), version: stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this record", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.ScheduledStartUtc).SingleAsync()));
    }

    [Fact]
    public async Task SurgeryList_ShowsCasesByStatusAndTheTheatreList()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, _, hospitalId, _) = await doctor.BookedCaseAsync(app, app.Today().AddDays(30), "08:00", "OT Z");
        var (referredPatient, _) = await doctor.ReferAsync();
        var referredName = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == referredPatient).Select(p => p.GivenName).SingleAsync());
        var bookedName = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == patientId).Select(p => p.GivenName).SingleAsync());

        var all = PageHtml.TextOf(await doctor.GetStringAsync("/Surgery"));
        var filtered = PageHtml.TextOf(await doctor.GetStringAsync("/Surgery?Hospital=" + hospitalId));

        Assert.Contains(referredName, all, StringComparison.Ordinal);
        Assert.Contains(bookedName, all, StringComparison.Ordinal);
        Assert.Contains(bookedName, filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(referredName, filtered, StringComparison.Ordinal);
        Assert.Contains("OT Z", filtered, StringComparison.Ordinal);
    }
}

public sealed class BookingPagesTestsOnSqlite(SqliteAppFactory app) : BookingPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class BookingPagesTestsOnPostgres(PostgresAppFactory app) : BookingPagesTests<PostgresAppFactory>(app);
