using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Outcomes;

/// <summary>The surgery settings page (admins only): length-of-stay target and the delayed-cure window.</summary>
public abstract class SurgerySettingsPageTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Url = "/Admin/SurgerySettings";

    [Fact]
    public async Task Settings_AdminSaves_BothValuesAreStoredReadBackAndAudited()
    {
        var client = app.CreateClient(Roles.Admin);
        var before = await client.GetStringAsync(Url);
        Assert.Equal("2", PageHtml.ValueOf(before, "Input.LengthOfStayTargetDays"));
        Assert.Matches("<option value=\"12\" selected=\"selected\">12 months</option>", before);

        var response = await client.PostFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.LengthOfStayTargetDays"] = "3",
            ["Input.FailureWindowMonths"] = "9",
        });

        Assert.Equal(Url, Redirects.LocationOf(response));
        var settings = await app.WithDbAsync(db => SurgerySettings.LoadAsync(db, CancellationToken.None));
        Assert.Equal(new SurgerySettings(3, 9), settings);
        var after = await client.GetStringAsync(Url);
        Assert.Equal("3", PageHtml.ValueOf(after, "Input.LengthOfStayTargetDays"));
        Assert.Matches("<option value=\"9\" selected=\"selected\">9 months</option>", after);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.SettingsChanged && e.SubjectId == "Surgery")));

        // Back to the defaults, so the other tests of this class see them.
        (await client.PostFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.LengthOfStayTargetDays"] = "2",
            ["Input.FailureWindowMonths"] = "12",
        })).EnsureRedirect();
    }

    [Theory]
    [InlineData("0", "12", "Enter a target length of stay from 1 to 30 days.")]
    [InlineData("31", "12", "Enter a target length of stay from 1 to 30 days.")]
    [InlineData("", "12", "Enter the target length of stay in days.")]
    [InlineData("2", "5", "Choose a window from 6 to 12 months.")]
    [InlineData("2", "13", "Choose a window from 6 to 12 months.")]
    public async Task Settings_OutOfRange_ShowsTheMessageAndChangesNothing(string los, string window, string message)
    {
        var client = app.CreateClient(Roles.Admin);

        var response = await client.PostFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.LengthOfStayTargetDays"] = los,
            ["Input.FailureWindowMonths"] = window,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(SurgerySettings.Default, await app.WithDbAsync(db => SurgerySettings.LoadAsync(db, CancellationToken.None)));
    }

    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    public async Task Settings_NonAdmin_IsDenied(string role)
    {
        var response = await app.CreateClient(role).GetAsync(Url);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
    }
}

public sealed class SurgerySettingsPageTestsOnSqlite(SqliteAppFactory app) : SurgerySettingsPageTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class SurgerySettingsPageTestsOnPostgres(PostgresAppFactory app) : SurgerySettingsPageTests<PostgresAppFactory>(app);
