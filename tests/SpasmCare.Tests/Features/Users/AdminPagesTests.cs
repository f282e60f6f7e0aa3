using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Users;

public abstract class AdminPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string OneTimePasswordPattern = "^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$";

    [Fact]
    public async Task CreateUser_ValidForm_ShowsTheOneTimePasswordOnlyOnThatResponse()
    {
        var admin = app.CreateClient(Roles.Admin);
        var userName = TestData.UniqueWord("dr.");

        var response = await admin.PostFormAsync("/Admin/Users/Create", UserFields(userName, "Dr Kavita Rao", Roles.Doctor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secrets = PageHtml.Secrets(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, secrets.Count);
        Assert.Equal(userName, secrets[0]);
        Assert.Matches(OneTimePasswordPattern, secrets[1]);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == userName));
        Assert.True(user.MustChangePassword);
        Assert.True(await PasswordWorksAsync(user.Id, secrets[1]));
        Assert.DoesNotContain(secrets[1], await (await admin.GetAsync($"/Admin/Users/Edit/{user.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secrets[1], await (await admin.GetAsync("/Admin/Users")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.UserCreated && e.SubjectId == user.Id.ToString())));
    }

    [Theory]
    [InlineData("Dr Mehta", "Use lower-case letters, digits, dots, dashes or underscores in the user name.")]
    [InlineData("ab", "The user name must be between 3 and 50 characters.")]
    [InlineData("", "Choose a user name.")]
    public async Task CreateUser_InvalidUserName_ShowsMessageAndCreatesNothing(string userName, string message)
    {
        var admin = app.CreateClient(Roles.Admin);
        var displayName = TestData.UniqueWord("Nurse ");

        var response = await admin.PostFormAsync("/Admin/Users/Create", UserFields(userName, displayName, Roles.Nurse));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Empty(PageHtml.Secrets(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.DisplayName == displayName)));
    }

    [Fact]
    public async Task CreateUser_UserNameTaken_ShowsMessageAndCreatesNothing()
    {
        var admin = app.CreateClient(Roles.Admin);
        var userName = TestData.UniqueWord("desk.");
        await app.CreateUserAsync(Roles.FrontDesk, userName, "long enough password");

        var response = await admin.PostFormAsync("/Admin/Users/Create", UserFields(userName, "Someone Else", Roles.FrontDesk));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This user name is already in use.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == userName)));
    }

    [Theory]
    [InlineData(Roles.Doctor, "/Admin/Users")]
    [InlineData(Roles.Nurse, "/Admin/Users/Create")]
    [InlineData(Roles.FrontDesk, "/Admin/Sites")]
    [InlineData(Roles.Doctor, "/Admin/Sites/Edit")]
    [InlineData(Roles.Nurse, "/Admin/Audit")]
    [InlineData(Roles.FrontDesk, "/Admin/Settings")]
    public async Task AdminPage_NonAdminRole_IsDeniedAndAudited(string role, string page)
    {
        var client = app.CreateClient(role);

        var response = await client.GetAsync(page);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role) && e.Detail == "GET " + page));
        Assert.Equal(AuditOutcome.Denied, row.Outcome);
        Assert.Equal(403, row.StatusCode);
    }

    [Fact]
    public async Task AdminPage_NonAdminRole_CannotPostEither()
    {
        var client = app.CreateClient(Roles.Doctor);
        var before = await app.WithDbAsync(db => db.Settings.CountAsync());

        var response = await client.PostAsync("/Admin/Settings",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["RequiredRoles"] = Roles.Doctor }));

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Settings.CountAsync()));
    }

    [Fact]
    public async Task DisableUser_WithApiToken_TokenIsRefusedWith401()
    {
        var admin = app.CreateClient(Roles.Admin);
        var (api, userId, _) = await app.CreateApiClientAsync(Roles.FrontDesk);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/patients?q=sharma")).StatusCode);
        var page = await (await admin.GetAsync($"/Admin/Users/Edit/{userId}")).Content.ReadAsStringAsync();

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{userId}", new Dictionary<string, string>
        {
            ["Input.ConcurrencyStamp"] = PageHtml.ValueOf(page, "Input.ConcurrencyStamp"),
            ["Input.DisplayName"] = PageHtml.ValueOf(page, "Input.DisplayName"),
            ["Input.Roles"] = Roles.FrontDesk,
            ["Input.IsActive"] = "false",
        });

        Assert.Equal($"/Admin/Users/Edit/{userId}", Redirects.LocationOf(response));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/patients?q=sharma")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.UserDisabled && e.SubjectId == userId.ToString())));
    }

    [Fact]
    public async Task ResetPassword_ExistingUser_ShowsANewOneTimePasswordThatReplacesTheOld()
    {
        var admin = app.CreateClient(Roles.Admin);
        var userId = await app.CreateUserAsync(Roles.Nurse, TestData.UniqueWord("nurse."), "old but long password");
        var url = $"/Admin/Users/Edit/{userId}";

        var response = await admin.PostFormAsync(url, [], url + "?handler=ResetPassword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Password reset", await response.HtmlAsync(), StringComparison.Ordinal);
        var password = Assert.Single(PageHtml.Secrets(await response.Content.ReadAsStringAsync()));
        Assert.Matches(OneTimePasswordPattern, password);
        Assert.True(await PasswordWorksAsync(userId, password));
        Assert.False(await PasswordWorksAsync(userId, "old but long password"));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.MustChangePassword).SingleAsync()));
        Assert.DoesNotContain(password, await (await admin.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueToken_ActiveUser_ShowsTheSecretOnceAndItOpensTheApi()
    {
        var admin = app.CreateClient(Roles.Admin);
        var userId = await app.CreateUserAsync(Roles.FrontDesk, TestData.UniqueWord("lab."), "long enough password");
        var url = $"/Admin/Users/Edit/{userId}";

        var response = await admin.PostFormAsync(url, TokenFields("Lab reporting system"), url + "?handler=IssueToken");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = Assert.Single(PageHtml.Secrets(await response.Content.ReadAsStringAsync()));
        Assert.StartsWith(ApiToken.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ApiClient(secret).GetAsync("/api/v1/patients?q=sharma")).StatusCode);
        Assert.DoesNotContain(secret, await (await admin.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Lab reporting system", await app.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == userId).Select(t => t.Name).SingleAsync()));
    }

    [Fact]
    public async Task RevokeToken_IssuedToken_IsRefusedWith401()
    {
        var admin = app.CreateClient(Roles.Admin);
        var userId = await app.CreateUserAsync(Roles.FrontDesk, TestData.UniqueWord("lab."), "long enough password");
        var url = $"/Admin/Users/Edit/{userId}";
        var issued = await admin.PostFormAsync(url, TokenFields("Old integration"), url + "?handler=IssueToken");
        var api = ApiClient(Assert.Single(PageHtml.Secrets(await issued.Content.ReadAsStringAsync())));
        var tokenId = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == userId).Select(t => t.Id).SingleAsync());

        var response = await admin.PostFormAsync(url, new Dictionary<string, string> { ["tokenId"] = tokenId.ToString() }, url + "?handler=Revoke");

        Assert.Equal(url, Redirects.LocationOf(response));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/patients?q=sharma")).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.RevokedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task CreateSite_ValidForm_SavesAndListsIt()
    {
        var admin = app.CreateClient(Roles.Admin);
        var name = TestData.UniqueWord("Deenanath Hospital ");

        var response = await admin.PostFormAsync("/Admin/Sites/Edit", SiteFields(name, kind: "Hospital", theatre: true));

        Assert.Equal("/Admin/Sites", Redirects.LocationOf(response));
        var site = await app.WithDbAsync(db => db.Sites.SingleAsync(s => s.Name == name));
        Assert.Equal(SiteKind.Hospital, site.Kind);
        Assert.True(site.HasOperatingTheatre);
        Assert.Equal("Asia/Kolkata", site.TimeZoneId);
        Assert.Contains(name, await (await admin.GetAsync("/Admin/Sites")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.PinCode", "4110041", "Enter a 6-digit PIN code, such as 400012.")]
    [InlineData("Input.TimeZoneId", "Mars/Olympus_Mons", "Choose a time zone from the list, such as Asia/Kolkata.")]
    [InlineData("Input.HasOperatingTheatre", "true", "Only a hospital site can have an operating theatre.")]
    public async Task CreateSite_InvalidField_ShowsMessageAndCreatesNothing(string field, string value, string message)
    {
        var admin = app.CreateClient(Roles.Admin);
        var name = TestData.UniqueWord("Dadar Clinic ");
        var fields = SiteFields(name, kind: "Clinic", theatre: false);
        fields[field] = value;

        var response = await admin.PostFormAsync("/Admin/Sites/Edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Sites.CountAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task EditSite_CurrentVersion_SavesTheChange()
    {
        var admin = app.CreateClient(Roles.Admin);
        var id = await CreateSiteAsync(admin, TestData.UniqueWord("Thane Clinic "));
        var fields = await EditFieldsAsync(admin, id);
        fields["Input.City"] = "Kalyan";

        var response = await admin.PostFormAsync($"/Admin/Sites/Edit/{id}", fields);

        Assert.Equal("/Admin/Sites", Redirects.LocationOf(response));
        Assert.Equal("Kalyan", await app.WithDbAsync(db => db.Sites.Where(s => s.Id == id).Select(s => s.City).SingleAsync()));
    }

    [Fact]
    public async Task EditSite_UnknownTimeZone_ShowsMessageAndChangesNothing()
    {
        var admin = app.CreateClient(Roles.Admin);
        var id = await CreateSiteAsync(admin, TestData.UniqueWord("Nashik Clinic "));
        var fields = await EditFieldsAsync(admin, id);
        fields["Input.TimeZoneId"] = "Asia/Atlantis";

        var response = await admin.PostFormAsync($"/Admin/Sites/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a time zone from the list, such as Asia/Kolkata.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("Asia/Kolkata", await app.WithDbAsync(db => db.Sites.Where(s => s.Id == id).Select(s => s.TimeZoneId).SingleAsync()));
    }

    [Fact]
    public async Task CreateSite_NameOfAnotherSite_ShowsMessageAndCreatesNothing()
    {
        var admin = app.CreateClient(Roles.Admin);
        var name = TestData.UniqueWord("Powai Clinic ");
        await CreateSiteAsync(admin, name);

        var response = await admin.PostFormAsync("/Admin/Sites/Edit", SiteFields(name, kind: "Clinic", theatre: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another site already has this name.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Sites.CountAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task EditSite_RenamedToAnotherSitesName_ShowsMessageAndChangesNothing()
    {
        var admin = app.CreateClient(Roles.Admin);
        var taken = TestData.UniqueWord("Bandra Clinic ");
        await CreateSiteAsync(admin, taken);
        var ownName = TestData.UniqueWord("Andheri Clinic ");
        var id = await CreateSiteAsync(admin, ownName);
        var fields = await EditFieldsAsync(admin, id);
        fields["Input.Name"] = taken;

        var response = await admin.PostFormAsync($"/Admin/Sites/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another site already has this name.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(ownName, await app.WithDbAsync(db => db.Sites.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }

    private HttpClient ApiClient(string secret)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private Task<bool> PasswordWorksAsync(Guid userId, string password) => app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        return await users.CheckPasswordAsync(user!, password);
    });

    private async Task<Guid> CreateSiteAsync(HttpClient admin, string name)
    {
        (await admin.PostFormAsync("/Admin/Sites/Edit", SiteFields(name, kind: "Clinic", theatre: false))).EnsureRedirect();
        return await app.WithDbAsync(db => db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    }

    /// <summary>The edit form as the page fills it in.</summary>
    private static async Task<Dictionary<string, string>> EditFieldsAsync(HttpClient admin, Guid id)
    {
        var html = await (await admin.GetAsync($"/Admin/Sites/Edit/{id}")).Content.ReadAsStringAsync();
        var fields = SiteFields(PageHtml.ValueOf(html, "Input.Name"), kind: "Clinic", theatre: false);
        fields["Input.Version"] = PageHtml.ValueOf(html, "Input.Version");
        fields["Input.City"] = PageHtml.ValueOf(html, "Input.City");
        return fields;
    }

    private static Dictionary<string, string> SiteFields(string name, string kind, bool theatre) => new()
    {
        ["Input.Name"] = name,
        ["Input.Kind"] = kind,
        ["Input.HasOperatingTheatre"] = theatre ? "true" : "false",
        ["Input.Address"] = "3rd floor, 21 Senapati Bapat Road (synthetic)",
        ["Input.City"] = "Pune",
        ["Input.PinCode"] = "411016",
        ["Input.Phone"] = "+91 20 5550 0404",
        ["Input.TimeZoneId"] = "Asia/Kolkata",
        ["Input.IsActive"] = "true",
    };

    private static Dictionary<string, string> UserFields(string userName, string displayName, string role) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.DisplayName"] = displayName,
        ["Input.Email"] = "",
        ["Input.Roles"] = role,
    };

    private static Dictionary<string, string> TokenFields(string name) => new()
    {
        ["Token.Name"] = name,
        ["Token.ValidForDays"] = "30",
    };
}

public sealed class AdminPagesTestsOnSqlite(SqliteAppFactory app) : AdminPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class AdminPagesTestsOnPostgres(PostgresAppFactory app) : AdminPagesTests<PostgresAppFactory>(app);
