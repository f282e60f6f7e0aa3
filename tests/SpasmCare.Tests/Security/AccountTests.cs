using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Pages.Account;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Security;

/// <summary>
/// Sign-in with the real cookie, through the login page. The login page allows 30 requests a minute from one address,
/// and every test here shares that budget, so wrong-password runs reuse one open page.
/// </summary>
public abstract class AccountTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Password = "quiet river morning";

    [Fact]
    public async Task Login_CorrectPassword_SignsInAndAuditsSignInSucceeded()
    {
        var userName = TestData.UniqueWord("desk.");
        var userId = await app.CreateUserAsync(Roles.FrontDesk, userName, Password);
        var browser = app.CreateBrowser();

        var response = await browser.LoginAsync(userName, Password);

        Assert.Equal("/", Redirects.LocationOf(response));
        var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains(userName, await manage.HtmlAsync(), StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.Action == AuditAction.SignInSucceeded && e.SubjectId == userId.ToString()));
        Assert.Equal(AuditOutcome.Succeeded, row.Outcome);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsMessageAndAuditsSignInFailed()
    {
        var userName = TestData.UniqueWord("desk.");
        var userId = await app.CreateUserAsync(Roles.FrontDesk, userName, Password);
        var browser = app.CreateBrowser();

        var response = await browser.LoginAsync(userName, "quiet river evening");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoginModel.WrongCredentials, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login", Redirects.LocationOf(await browser.GetAsync("/Account/Manage")), StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.Action == AuditAction.SignInFailed && e.SubjectId == userId.ToString()));
        Assert.Equal(AuditOutcome.Denied, row.Outcome);
        Assert.Equal("wrong password", row.Detail);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountAndAuditsSignInLockedOut()
    {
        var userName = TestData.UniqueWord("doctor.");
        var userId = await app.CreateUserAsync(Roles.Doctor, userName, Password);
        var browser = app.CreateBrowser();

        var fifth = await browser.WrongPasswordsAsync(userName, attempts: 5);

        Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);
        Assert.Contains("This account is locked for 15 minutes after too many wrong passwords.", await fifth.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await CountAsync(userId, AuditAction.SignInFailed));
        Assert.Equal(1, await CountAsync(userId, AuditAction.SignInLockedOut));
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Login_CorrectPasswordWhileLockedOut_IsRefused()
    {
        var userName = TestData.UniqueWord("doctor.");
        var userId = await app.CreateUserAsync(Roles.Doctor, userName, Password);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId.ToString());
            return await users.SetLockoutEndDateAsync(user!, TimeProvider.System.GetUtcNow().AddMinutes(15));
        });
        var browser = app.CreateBrowser();

        var response = await browser.LoginAsync(userName, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is locked", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Account/Manage")).StatusCode);
        Assert.Equal(1, await CountAsync(userId, AuditAction.SignInLockedOut));
    }

    [Fact]
    public async Task AnyPage_UserWhoMustChangePassword_RedirectsToChangePassword()
    {
        var (browser, _, _) = await app.SignInNewUserAsync(Roles.FrontDesk, Password, mustChangePassword: true);

        var home = await browser.GetAsync("/");
        var patients = await browser.GetAsync("/Patients");
        var register = await browser.GetAsync("/Patients/Register");

        Assert.Equal("/Account/ChangePassword?required=True", Redirects.LocationOf(home));
        Assert.Equal("/Account/ChangePassword?required=True", Redirects.LocationOf(patients));
        Assert.Equal("/Account/ChangePassword?required=True", Redirects.LocationOf(register));
    }

    [Fact]
    public async Task ChangePassword_ValidNewPassword_ClearsTheFlagAndOpensThePages()
    {
        var (browser, userId, _) = await app.SignInNewUserAsync(Roles.FrontDesk, Password, mustChangePassword: true);

        var response = await browser.PostFormAsync("/Account/ChangePassword?required=True", ChangeFields(Password, "bright lantern harbour"));

        Assert.Equal("/", Redirects.LocationOf(response));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.MustChangePassword).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Patients")).StatusCode);
        Assert.Equal(1, await CountAsync(userId, AuditAction.PasswordChanged));
    }

    [Fact]
    public async Task Login_AfterPasswordChange_AcceptsTheNewPasswordOnly()
    {
        var (browser, _, userName) = await app.SignInNewUserAsync(Roles.Nurse, Password, mustChangePassword: true);
        (await browser.PostFormAsync("/Account/ChangePassword?required=True", ChangeFields(Password, "bright lantern harbour"))).EnsureRedirect();

        var withOld = await app.CreateBrowser().LoginAsync(userName, Password);
        var withNew = await app.CreateBrowser().LoginAsync(userName, "bright lantern harbour");

        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal("/", Redirects.LocationOf(withNew));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsMessageAndKeepsTheFlag()
    {
        var (browser, userId, _) = await app.SignInNewUserAsync(Roles.FrontDesk, Password, mustChangePassword: true);

        var response = await browser.PostFormAsync("/Account/ChangePassword?required=True", ChangeFields("not my password", "bright lantern harbour"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The current password is not right.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSessionAndTheOldCookieNoLongerWorks()
    {
        var userName = TestData.UniqueWord("doctor.");
        var userId = await app.CreateUserAsync(Roles.Doctor, userName, Password);
        var browser = app.CreateBrowser();
        var cookie = CookieSignIn.AuthCookieOf(await browser.LoginAsync(userName, Password));
        var copy = app.CreateClientWithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Account/Manage")).StatusCode);

        var response = await browser.PostFormAsync("/Account/Logout", []);
        app.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("/Account/Logout", Redirects.LocationOf(response));
        Assert.StartsWith("/Account/Login", Redirects.LocationOf(await browser.GetAsync("/Account/Manage")), StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login", Redirects.LocationOf(await copy.GetAsync("/Account/Manage")), StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login", Redirects.LocationOf(await copy.GetAsync("/Patients")), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(userId, AuditAction.SignedOut));
    }

    private Task<int> CountAsync(Guid userId, AuditAction action) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == userId.ToString() && e.Action == action));

    private static Dictionary<string, string> ChangeFields(string current, string next) => new()
    {
        ["Required"] = "true",
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = next,
    };
}

public sealed class AccountTestsOnSqlite(SqliteAppFactory app) : AccountTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class AccountTestsOnPostgres(PostgresAppFactory app) : AccountTests<PostgresAppFactory>(app);
