using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Due;

/// <summary>
/// The recall list on the fake clock. Each test works at a site of its own (the list is filtered by it) and with dates
/// relative to the clock, which some tests move forward.
/// </summary>
public abstract class RecallListTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task List_AsTheClockMoves_ShowsThePatientNotDueThenDueThenOverdue()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, productId) = await SiteAndProductAsync();
        var patient = TestData.Patient();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(patient);
        await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-60));

        var notYet = await ListAsync(client, siteId, "Due");
        var all = await ListAsync(client, siteId, "All");
        app.Time.Advance(TimeSpan.FromDays(11));
        var soon = await ListAsync(client, siteId, "Soon");
        var notOverdue = await ListAsync(client, siteId, "Overdue");
        app.Time.Advance(TimeSpan.FromDays(20));
        var overdue = await ListAsync(client, siteId, "Overdue");

        Assert.Empty(notYet);
        var row = Assert.Single(all);
        Assert.Equal(patient.GivenName + " " + patient.FamilyName, row[0]);
        Assert.StartsWith("in 24 days", row[6], StringComparison.Ordinal);
        Assert.StartsWith("in 13 days", Assert.Single(soon)[6], StringComparison.Ordinal);
        Assert.Empty(notOverdue);
        Assert.Equal("7", Assert.Single(overdue)[6]);
    }

    [Fact]
    public async Task List_PatientWithBenefitDurations_IsDueAfterTheirOwnMedian()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, productId) = await SiteAndProductAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var today = app.ClinicToday();
        var first = await app.AddToxinSessionAsync(patientId, siteId, productId, today.AddDays(-300));
        var second = await app.AddToxinSessionAsync(patientId, siteId, productId, today.AddDays(-200));
        await app.AddToxinSessionAsync(patientId, siteId, productId, today.AddDays(-100));
        await app.AddToxinReviewAsync(patientId, first, today.AddDays(-286), woreOffOn: today.AddDays(-210));
        await app.AddToxinReviewAsync(patientId, second, today.AddDays(-186), woreOffOn: today.AddDays(-100));

        var row = Assert.Single(await ListAsync(client, siteId, "Overdue"));

        Assert.Equal(Shown(today.AddDays(-100)), row[4]);
        Assert.Equal(Shown(today.AddDays(-5)), row[5]);
        Assert.Equal("5", row[6]);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.Doctor)]
    public async Task List_ForEveryStaffRole_ShowsWhoToCallButNoDoseProductOrResponse(string role)
    {
        var (siteId, _) = await SiteAndProductAsync();
        var productName = TestData.UniqueWord("Secretproduct");
        var productId = await app.AddToxinProductAsync(name: productName);
        var patient = TestData.Patient();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(patient);
        var sessionId = await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-100), units: 37.5m);
        await app.AddToxinReviewAsync(patientId, sessionId, app.ClinicToday().AddDays(-86), ToxinResponse.Excellent, 95, 3);

        var response = await app.CreateClient(role).GetAsync($"/Toxin/Due?site={siteId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync());
        Assert.Contains(mrn, html, StringComparison.Ordinal);
        Assert.Contains(patient.Mobile!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(productName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("37.5", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Excellent", html, StringComparison.Ordinal);
        Assert.DoesNotContain("95", PageHtml.TextOf(html).Replace(mrn, "", StringComparison.Ordinal).Replace(patient.Mobile!, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SiteAndWindow_StayInTheLinksOfTheList()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, productId) = await SiteAndProductAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-100));

        var html = await (await client.GetAsync($"/Toxin/Due?site={siteId}&window=Overdue")).HtmlAsync();

        Assert.Contains($"href=\"/Toxin/Due?site={siteId}&window=Soon\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Toxin/Due?site={siteId}&window=All\"", html, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{siteId}\" selected=\"selected\">", html);
        Assert.Matches("<option value=\"Overdue\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task List_OtherSitesAndSessionsEnteredInError_AreLeftOut()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, productId) = await SiteAndProductAsync();
        var otherSite = await app.AddSiteAsync();
        var elsewhere = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var inError = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var movedOn = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        await app.AddToxinSessionAsync(elsewhere, otherSite, productId, app.ClinicToday().AddDays(-100));
        await app.AddToxinSessionAsync(inError, siteId, productId, app.ClinicToday().AddDays(-100), enteredInError: true);
        await app.AddToxinSessionAsync(movedOn, siteId, productId, app.ClinicToday().AddDays(-200));
        await app.AddToxinSessionAsync(movedOn, otherSite, productId, app.ClinicToday().AddDays(-100));

        var rows = await ListAsync(client, siteId, "All");
        var other = await ListAsync(client, otherSite, "All");

        Assert.Empty(rows);
        Assert.Equal(2, other.Count);
    }

    [Fact]
    public async Task List_PatientOperatedSinceTheLastSession_IsLeftOutUntilTheNextSession()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, productId) = await SiteAndProductAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-300));
        await app.AddMvdOperationAsync(patientId, app.ClinicToday().AddDays(-250));

        var afterOperation = await ListAsync(client, siteId, "All");
        await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-100));
        var recurrence = await ListAsync(client, siteId, "All");

        Assert.Empty(afterOperation);
        Assert.Single(recurrence);
    }

    [Fact]
    public async Task List_AuditsEachPatientShown()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, productId) = await SiteAndProductAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        await app.AddToxinSessionAsync(patientId, siteId, productId, app.ClinicToday().AddDays(-100));

        await ListAsync(client, siteId, "Due");

        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.ToxinRecallListViewed));
        Assert.Equal(AuditOutcome.Succeeded, audit.Outcome);
    }

    [Fact]
    public async Task List_ManyPatients_IsPagedAndKeepsTheSiteOnThePager()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var (siteId, productId) = await SiteAndProductAsync();
        var today = app.ClinicToday();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 130; i++)
            {
                var patient = SpasmCare.Web.Features.Patients.Patient.Register(
                    "T" + Guid.NewGuid().ToString("N")[..11], TestData.Patient(), "test", app.Time.GetUtcNow().UtcDateTime, null);
                db.Patients.Add(patient);
                db.InjectionSessions.Add(new SpasmCare.Web.Features.Toxin.InjectionSession
                {
                    PatientId = patient.Id, SiteId = siteId, ProductId = productId, ClinicianId = Guid.NewGuid(), ClinicianName = "Test",
                    InjectedAtUtc = ToxinHistoryTestData.At(today.AddDays(-90 - (i % 30))), TotalUnits = 20m,
                });
            }

            return await db.SaveChangesAsync();
        });

        var first = await (await client.GetAsync($"/Toxin/Due?site={siteId}")).HtmlAsync();
        var second = await (await client.GetAsync($"/Toxin/Due?site={siteId}&window=Due&p=2")).HtmlAsync();

        Assert.Equal(100, PageHtml.TableRows(first).Count);
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Toxin/Due?site={siteId}&window=Due&p=2\"", first, StringComparison.Ordinal);
        Assert.Equal(30, PageHtml.TableRows(second).Count);
    }

    private async Task<(Guid SiteId, Guid ProductId)> SiteAndProductAsync() =>
        (await app.AddSiteAsync(), await app.AddToxinProductAsync());

    private static async Task<List<string[]>> ListAsync(HttpClient client, Guid siteId, string window)
    {
        var response = await client.GetAsync($"/Toxin/Due?site={siteId}&window={window}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PageHtml.TableRows(await response.Content.ReadAsStringAsync());
    }

    private static string Shown(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}

public sealed class RecallListTestsOnSqlite(SqliteAppFactory app) : RecallListTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class RecallListTestsOnPostgres(PostgresAppFactory app) : RecallListTests<PostgresAppFactory>(app);
