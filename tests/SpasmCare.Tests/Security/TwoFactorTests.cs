using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Security;

/// <summary>
/// Authenticator (TOTP) two-factor sign-in, with codes computed from the key the page shows. Identity checks codes
/// against the real clock, so codes are computed from the real time. Only the role-requirement tests use the
/// Nurse role, because that setting applies to everyone of the role in this fixture's database.
/// </summary>
public abstract class TwoFactorTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Password = "saffron kite valley";

    [Fact]
    public async Task TwoFactor_CodeFromTheSharedKey_TurnsTwoFactorOn()
    {
        var (browser, userId, _) = await app.SignInNewUserAsync(Roles.Doctor, Password);
        var key = await SharedKeyAsync(browser);

        var response = await browser.PostFormAsync("/Account/TwoFactor", CodeField(Totp.Code(key, TimeProvider.System.GetUtcNow())));

        Assert.Equal("/", Redirects.LocationOf(response));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.SubjectId == userId.ToString() && e.Action == AuditAction.TwoFactorEnabled)));
    }

    [Fact]
    public async Task TwoFactor_WrongCode_ShowsMessageAndStaysOff()
    {
        var (browser, userId, _) = await app.SignInNewUserAsync(Roles.Doctor, Password);
        var key = await SharedKeyAsync(browser);

        var response = await browser.PostFormAsync("/Account/TwoFactor", CodeField(WrongCode(key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That code is not right.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Login_TwoFactorOn_PasswordAloneAsksForTheCodeAndDoesNotSignIn()
    {
        var (first, _, userName) = await app.SignInNewUserAsync(Roles.Doctor, Password);
        await EnableTwoFactorAsync(first);
        var browser = app.CreateBrowser();

        var response = await browser.LoginAsync(userName, Password);

        Assert.Equal("/Account/LoginWith2fa", Redirects.LocationOf(response));
        Assert.StartsWith("/Account/Login?", Redirects.LocationOf(await browser.GetAsync("/Account/Manage")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginWith2fa_CurrentCode_SignsIn()
    {
        var (first, userId, userName) = await app.SignInNewUserAsync(Roles.Doctor, Password);
        var key = await EnableTwoFactorAsync(first);
        var browser = app.CreateBrowser();
        (await browser.LoginAsync(userName, Password)).EnsureRedirect();

        // The next step's code: a phone a few seconds ahead shows it, and it differs from the one used to enrol.
        var response = await browser.PostFormAsync("/Account/LoginWith2fa",
            CodeField(Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30))));

        Assert.Equal("/", Redirects.LocationOf(response));
        var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains("Two-factor sign-in On", PageHtml.TextOf(await manage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.SubjectId == userId.ToString() && e.Action == AuditAction.SignInSucceeded && e.Detail == "with authenticator code")));
    }

    [Fact]
    public async Task LoginWith2fa_WrongCode_ShowsMessageAuditsAndDoesNotSignIn()
    {
        var (first, userId, userName) = await app.SignInNewUserAsync(Roles.Doctor, Password);
        var key = await EnableTwoFactorAsync(first);
        var browser = app.CreateBrowser();
        (await browser.LoginAsync(userName, Password)).EnsureRedirect();

        var response = await browser.PostFormAsync("/Account/LoginWith2fa", CodeField(WrongCode(key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That code is not right or has expired.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login?", Redirects.LocationOf(await browser.GetAsync("/Account/Manage")), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.SubjectId == userId.ToString() && e.Action == AuditAction.TwoFactorFailed)));
    }

    [Fact]
    public async Task AnyPage_RoleRequiresTwoFactor_RedirectsToSetItUp()
    {
        await RequireTwoFactorForNursesAsync();
        var (browser, _, _) = await app.SignInNewUserAsync(Roles.Nurse, Password);

        var patients = await browser.GetAsync("/Patients");
        var setup = await browser.GetAsync("/Account/TwoFactor?required=True");

        Assert.Equal("/Account/TwoFactor?required=True", Redirects.LocationOf(patients));
        Assert.Contains("Your role requires two-factor sign-in. Set it up to continue.", await setup.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactor_RequiredRoleSetsItUp_PagesOpenAndItCannotBeTurnedOff()
    {
        await RequireTwoFactorForNursesAsync();
        var (browser, _, _) = await app.SignInNewUserAsync(Roles.Nurse, Password);

        await EnableTwoFactorAsync(browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Patients")).StatusCode);
        var settings = await browser.GetAsync("/Account/TwoFactor");
        Assert.DoesNotContain("Turn off two-factor sign-in", await settings.HtmlAsync(), StringComparison.Ordinal);
    }

    private async Task RequireTwoFactorForNursesAsync()
    {
        var admin = app.CreateClient(Roles.Admin);
        var response = await admin.PostFormAsync("/Admin/Settings", new Dictionary<string, string> { ["RequiredRoles"] = Roles.Nurse });
        response.EnsureRedirect();
    }

    private static async Task<string> SharedKeyAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return Assert.Single(PageHtml.Secrets(await page.Content.ReadAsStringAsync()));
    }

    private static async Task<string> EnableTwoFactorAsync(HttpClient browser)
    {
        var key = await SharedKeyAsync(browser);
        var response = await browser.PostFormAsync("/Account/TwoFactor", CodeField(Totp.Code(key, TimeProvider.System.GetUtcNow())));
        Assert.Equal("/", Redirects.LocationOf(response));
        return key;
    }

    /// <summary>A code that is none of those Identity accepts now (it allows two steps either side).</summary>
    private static string WrongCode(string key)
    {
        var now = TimeProvider.System.GetUtcNow();
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(n => n.ToString("D6", CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static Dictionary<string, string> CodeField(string code) => new() { ["Input.Code"] = code };
}

public sealed class TwoFactorTestsOnSqlite(SqliteAppFactory app) : TwoFactorTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class TwoFactorTestsOnPostgres(PostgresAppFactory app) : TwoFactorTests<PostgresAppFactory>(app);
