using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.Users;
using SpasmCare.Web.Security;

namespace SpasmCare.Bench;

/// <summary>
/// A front-desk account for the benchmark, created through the app's own services: an API token for the JSON
/// search, and a real sign-in (the login form, antiforgery token and all) for the cookie the patient page needs.
/// </summary>
internal static partial class BenchUser
{
    public const string UserName = "bench.desk";

    /// <returns>The user's (new) password and a fresh API token.</returns>
    public static async Task<(string Password, string Token)> PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var password = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var user = await users.FindByNameAsync(UserName);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = UserName,
                DisplayName = "Benchmark (front desk)",
                MustChangePassword = false,
                CreatedAtUtc = Clock.UtcNow(sp.GetRequiredService<TimeProvider>()),
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, Roles.FrontDesk));
        }
        else
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
            Check(await users.ResetAccessFailedCountAsync(user));
        }

        var token = await sp.GetRequiredService<IssueApiToken.Handler>().HandleAsync(
            user.Id, new IssueApiToken.Request { Name = "benchmark run", ValidForDays = 1 }, ct)
            ?? throw new InvalidOperationException("Could not issue an API token for the benchmark user.");
        return (password, token);
    }

    /// <summary>Signs in through /Account/Login and returns the Cookie header a browser would send afterwards.</summary>
    public static async Task<string> SignInAsync(Uri app, string password, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignInOnceAsync(app, password, ct);
            }
            catch (InvalidOperationException ex) when (attempt < 3)
            {
                Console.WriteLine($"  sign-in attempt {attempt} failed, trying again in 5 s: {ex.Message}");
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
        }
    }

    private static async Task<string> SignInOnceAsync(Uri app, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = app };
        var form = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), ct);
        var antiforgery = AntiforgeryRegex().Match(form);
        if (!antiforgery.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = UserName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
        });
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, ct);
        if ((int)response.StatusCode is < 300 or >= 400)
        {
            var page = await response.Content.ReadAsStringAsync(ct);
            var said = string.Join(" | ", TextRegex().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))
                .Where(t => t.Length > 0).Distinct().Take(12));
            throw new InvalidOperationException($"Signing in returned {(int)response.StatusCode}, not a redirect. The page said: {said}");
        }

        var header = cookies.GetCookieHeader(app);
        if (!header.Contains("spasmcare.auth", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Signing in did not set the auth cookie.");
        }

        return header;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Benchmark user: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryRegex();

    [GeneratedRegex(">([^<>]{3,300})<")]
    private static partial Regex TextRegex();
}
