using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.History;

/// <summary>The toxin history query, and the card that shows it on the patient page.</summary>
public abstract class ToxinHistoryTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task Cycles_TakeTheOutcomeFromTheReviewsAndLeaveOutWhatWasEnteredInError()
    {
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var siteId = await app.AddSiteAsync();
        var abo = await app.AddToxinProductAsync(2.5m, 3m);
        var day = new DateOnly(2026, 6, 1);
        var sessionId = await app.AddToxinSessionAsync(patientId, siteId, abo, day, units: 50m);
        await app.AddToxinSessionAsync(patientId, siteId, abo, day.AddDays(10), enteredInError: true);
        await app.AddToxinReviewAsync(patientId, sessionId, day.AddDays(4), ToxinResponse.Partial, 40, onsetDay: 3);
        await app.AddToxinReviewAsync(patientId, sessionId, day.AddDays(20), ToxinResponse.Excellent, 80, onsetDay: null);
        await app.AddToxinReviewAsync(patientId, sessionId, day.AddDays(95), response: null, improvementPercent: null, onsetDay: null, woreOffOn: day.AddDays(92));
        var wrong = await app.AddToxinReviewAsync(patientId, sessionId, day.AddDays(21), ToxinResponse.None, 0, onsetDay: 9);
        await app.WithDbAsync(async db =>
        {
            (await db.InjectionReviews.SingleAsync(r => r.Id == wrong)).EnteredInError = true;
            return await db.SaveChangesAsync();
        });

        var history = await HistoryAsync(patientId);

        var cycle = Assert.Single(history.NewestFirst);
        Assert.Equal(sessionId, cycle.SessionId);
        Assert.Equal(day, cycle.Date);
        Assert.Equal(50m, cycle.TotalUnits);
        Assert.Equal(20m, cycle.OnaUnits);
        Assert.Equal(ToxinResponse.Excellent, cycle.Response);
        Assert.Equal(80, cycle.ImprovementPercent);
        Assert.Equal(3, cycle.OnsetDay);
        Assert.Equal(92, cycle.BenefitDays);
        Assert.Equal(3, cycle.Reviews);
        Assert.Equal(new NextInjectionDue(day.AddDays(92), day.AddDays(84), 92, true), history.Next);
    }

    [Fact]
    public async Task Assessment_ShorterBenefitTwiceAtTheSameDose_FlagsPossibleSecondaryNonResponseWithNextSteps()
    {
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var siteId = await app.AddSiteAsync();
        var ona = await app.AddToxinProductAsync();
        var day = new DateOnly(2025, 1, 6);
        foreach (var (offset, benefit) in new[] { (0, 100), (110, 95), (220, 98), (330, 55), (400, 50) })
        {
            var id = await app.AddToxinSessionAsync(patientId, siteId, ona, day.AddDays(offset), units: 25m, withTasks: false);
            await app.AddToxinReviewAsync(patientId, id, day.AddDays(offset + 14), ToxinResponse.Good, 70, 4, day.AddDays(offset + benefit));
        }

        var history = await HistoryAsync(patientId);

        Assert.True(history.Assessment.PossibleSecondaryNonResponse);
        Assert.False(history.Assessment.PrimaryNonResponse);
        Assert.NotEmpty(history.Assessment.Evidence);
        Assert.Contains(history.ExtraSteps, s => s.Contains("incobotulinumtoxinA", StringComparison.Ordinal));
        Assert.Contains(history.ExtraSteps, s => s.Contains("microvascular decompression", StringComparison.Ordinal));
        Assert.Contains(history.Assessment.SuggestedSteps, s => s.Contains("frontalis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Assessment_AdequatelyDosedFirstSessionWithoutBenefit_FlagsPrimaryNonResponse()
    {
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var sessionId = await app.AddToxinSessionAsync(patientId, await app.AddSiteAsync(), await app.AddToxinProductAsync(), new DateOnly(2026, 9, 1), units: 25m);
        await app.AddToxinReviewAsync(patientId, sessionId, new DateOnly(2026, 9, 20), ToxinResponse.None, 0, null);

        var history = await HistoryAsync(patientId);

        Assert.True(history.Assessment.PrimaryNonResponse);
        Assert.Empty(history.ExtraSteps);
    }

    [Fact]
    public async Task Card_Doctor_SeesSessionsDueDateChartAndTheLinkToRecordASession()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var siteId = await app.AddSiteAsync();
        var productName = TestData.UniqueWord("Cardtoxin");
        var product = await app.AddToxinProductAsync(name: productName);
        var sessionId = await app.AddToxinSessionAsync(patientId, siteId, product, new DateOnly(2026, 10, 1), units: 27.5m);
        var reviewId = await app.AddToxinReviewAsync(patientId, sessionId, new DateOnly(2026, 10, 15), ToxinResponse.Good, 75, 4);

        var html = await CardAsync(client, patientId);

        Assert.Contains($"href=\"/Patients/{patientId}/Toxin/Sessions/New\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Toxin/Sessions/{sessionId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Toxin/Sessions/{sessionId}/Reviews/{reviewId}/Edit\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Toxin/Sessions/{sessionId}/Reviews/New\"", html, StringComparison.Ordinal);
        Assert.Contains(productName, html, StringComparison.Ordinal);
        Assert.Contains("27.5 U", html, StringComparison.Ordinal);
        Assert.Contains("Good, 75 %", html, StringComparison.Ordinal);
        Assert.Contains("Next injection due 24 Dec 2026", html, StringComparison.Ordinal);
        Assert.Contains("the 12-week default", html, StringComparison.Ordinal);
        Assert.Contains("data-toxin-history-chart=", html, StringComparison.Ordinal);
        Assert.Contains("/js/toxin-chart.js", html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ToxinHistoryViewed && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Card_Nurse_SeesTheHistoryButNoLinkToRecordASession()
    {
        var client = app.CreateClient(Roles.Nurse);
        var patientId = await client.RegisterAsync(TestData.Patient());
        await app.AddToxinSessionAsync(patientId, await app.AddSiteAsync(), await app.AddToxinProductAsync(), new DateOnly(2026, 10, 1), units: 27.5m);

        var html = await CardAsync(client, patientId);

        Assert.Contains("27.5 U", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Toxin/Sessions/New", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task Card_WithoutClinicalAccess_ShowsNothingOfIt(string role)
    {
        await CardAsync(app.CreateClient(Roles.Doctor), await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient()));
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        await app.AddToxinSessionAsync(patientId, await app.AddSiteAsync(), await app.AddToxinProductAsync(), new DateOnly(2026, 10, 1), units: 27.5m);

        var response = await app.CreateClient(role).GetAsync($"/Patients/Details/{patientId}");

        var html = await response.HtmlAsync();
        Assert.DoesNotContain("Botulinum toxin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("27.5", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.ToxinHistoryViewed)));
    }

    private Task<ToxinHistory.History> HistoryAsync(Guid patientId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ToxinHistory.Query>().ForPatientAsync(patientId, CancellationToken.None));

    /// <summary>The patient page of a clinician; skipped until the lead places the toxin card on it.</summary>
    private static async Task<string> CardAsync(HttpClient client, Guid patientId)
    {
        var response = await client.GetAsync($"/Patients/Details/{patientId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.SkipUnless(html.Contains("id=\"toxin-heading\"", StringComparison.Ordinal),
            "The patient page does not show the toxin card (ToxinSummaryViewComponent) yet.");
        return html;
    }
}

public sealed class ToxinHistoryTestsOnSqlite(SqliteAppFactory app) : ToxinHistoryTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ToxinHistoryTestsOnPostgres(PostgresAppFactory app) : ToxinHistoryTests<PostgresAppFactory>(app);
