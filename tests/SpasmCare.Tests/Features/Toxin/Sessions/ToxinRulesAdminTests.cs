using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Sessions;

/// <summary>The admin page for the dose-rule thresholds, and their effect on charting.</summary>
public abstract class ToxinRulesAdminTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Url = "/Admin/ToxinRules";

    [Fact]
    public async Task Get_Admin_ShowsTheDefaults()
    {
        var html = await (await app.CreateClient(Roles.Admin).GetAsync(Url)).HtmlAsync();

        Assert.Equal("5", PageHtml.ValueOf(html, "Input.PerSiteMaxUnits"));
        Assert.Equal("200", PageHtml.ValueOf(html, "Input.CumulativeMax30DaysUnits"));
        Assert.Equal("12", PageHtml.ValueOf(html, "Input.MinIntervalWeeks"));
    }

    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    public async Task Get_NotAdmin_IsDenied(string role)
    {
        var response = await app.CreateClient(role).GetAsync(Url);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_InvalidWindow_ShowsTheErrorAndSavesNothing()
    {
        var response = await app.CreateClient(Roles.Admin).PostFormAsync(Url, Fields(perSite: "5", boosterFrom: "4", boosterTo: "2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The booster window must end after it starts", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == ToxinRuleSettings.BoosterFromWeeks && s.Value == "4")));
    }

    [Fact]
    public async Task Save_NewPerSiteMaximum_IsStoredAuditedAndUsedWhenCharting()
    {
        var admin = app.CreateClient(Roles.Admin);

        var response = await admin.PostFormAsync(Url, Fields(perSite: "10"));

        Assert.Equal(Url, Redirects.LocationOf(response));
        Assert.Equal("10", await app.WithDbAsync(db => db.Settings.Where(s => s.Key == ToxinRuleSettings.PerSiteMaxUnits).Select(s => s.Value).SingleAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.SettingsChanged && e.SubjectId == "Toxin:DoseRules").ToListAsync());
        Assert.Contains(audit, e => e.Detail!.Contains("site 10 U", StringComparison.Ordinal));

        // 7.5 U at one site is now within the clinic's maximum: no warning, saved at once.
        var setup = await app.AddChartSetupAsync();
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var saved = await doctor.PostFormAsync(SessionForms.NewUrl(patientId),
            SessionForms.Fields(setup.SiteId, setup.ProductId, [new("zygomaticus-major", "Left", "7.5", setup.VialId)]));
        SessionForms.SessionIdOf(patientId, saved);

        // Back to the defaults.
        (await admin.PostFormAsync(Url, [new("reset", "defaults")])).EnsureRedirect();
        Assert.Equal("5", await app.WithDbAsync(db => db.Settings.Where(s => s.Key == ToxinRuleSettings.PerSiteMaxUnits).Select(s => s.Value).SingleAsync()));
    }

    private static List<KeyValuePair<string, string>> Fields(string perSite, string boosterFrom = "2", string boosterTo = "4") =>
    [
        new("Input.PerSiteMaxUnits", perSite),
        new("Input.PerSessionMaxUnits", "70"),
        new("Input.CumulativeMax30DaysUnits", "200"),
        new("Input.MinIntervalWeeks", "12"),
        new("Input.BoosterFromWeeks", boosterFrom),
        new("Input.BoosterToWeeks", boosterTo),
    ];
}

public sealed class ToxinRulesAdminTestsOnSqlite(SqliteAppFactory app) : ToxinRulesAdminTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ToxinRulesAdminTestsOnPostgres(PostgresAppFactory app) : ToxinRulesAdminTests<PostgresAppFactory>(app);
