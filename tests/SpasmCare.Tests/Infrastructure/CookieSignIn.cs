using Microsoft.AspNetCore.Mvc.Testing;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Real sign-in through the login page, with the cookie a browser would keep.</summary>
public static class CookieSignIn
{
    public const string CookieName = "spasmcare.auth";

    /// <summary>A browser-like client: keeps cookies, does not follow redirects, sends no test identity.</summary>
    public static HttpClient CreateBrowser(this AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client that sends exactly <paramref name="cookie"/> and keeps nothing it is given.</summary>
    public static HttpClient CreateClientWithCookie(this AppFactory app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

    /// <summary>A browser signed in as a new user of <paramref name="role"/>.</summary>
    public static async Task<(HttpClient Browser, Guid UserId, string UserName)> SignInNewUserAsync(
        this AppFactory app, string role, string password, bool mustChangePassword = false)
    {
        var userName = TestData.UniqueWord("user.");
        var userId = await app.CreateUserAsync(role, userName, password, mustChangePassword);
        var browser = app.CreateBrowser();
        var response = await browser.LoginAsync(userName, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return (browser, userId, userName);
    }

    /// <summary>
    /// Posts <paramref name="attempts"/> wrong passwords from one open login page (one GET, as a person retrying
    /// would), and returns the last response.
    /// </summary>
    public static async Task<HttpResponseMessage> WrongPasswordsAsync(this HttpClient client, string userName, int attempts)
    {
        var page = await client.GetAsync("/Account/Login");
        var token = FormPost.TokenOf(await page.Content.ReadAsStringAsync());
        HttpResponseMessage? last = null;
        for (var i = 0; i < attempts; i++)
        {
            last = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = "not-the-password-" + i,
                ["__RequestVerificationToken"] = token,
            }));
        }

        return last ?? throw new ArgumentOutOfRangeException(nameof(attempts));
    }

    /// <summary>The sign-in cookie a response set, as a <c>Cookie</c> header value (all chunks).</summary>
    public static string AuthCookieOf(HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var pairs = cookies
            .Select(c => c.Split(';', 2)[0])
            .Where(c => c.StartsWith(CookieName, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(pairs);
        return string.Join("; ", pairs);
    }
}
