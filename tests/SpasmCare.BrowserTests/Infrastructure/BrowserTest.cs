using System.Text.RegularExpressions;

namespace SpasmCare.BrowserTests.Infrastructure;

/// <summary>
/// A test that drives the shared browser. Every page gets a context of its own (its own cookies), traced from the
/// start; when the test fails, the traces are kept in artifacts/playwright-traces for `playwright show-trace`.
/// </summary>
public abstract partial class BrowserTest(KestrelAppFixture app) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected KestrelAppFixture App => app;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A fresh, signed-out browser window, 1280 pixels wide.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-IN",
            TimezoneId = "Asia/Kolkata",
        });
        context.SetDefaultTimeout(15_000);
        await context.Tracing.StartAsync(new TracingStartOptions
        {
            Title = TestContext.Current.Test?.TestDisplayName,
            Screenshots = true,
            Snapshots = true,
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser window, signed in as <paramref name="user"/>.</summary>
    protected async Task<IPage> SignedInPageAsync(TestUser user)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, user);
        return page;
    }

    protected static async Task SignInAsync(IPage page, TestUser user, string? password = null)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("User name").FillAsync(user.UserName);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(password ?? user.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Follows a link in the main navigation bar.</summary>
    protected static Task NavigateAsync(IPage page, string link) =>
        page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = link, Exact = true })
            .ClickAsync();

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result is not TestResult.Passed;
        for (var i = 0; i < _contexts.Count; i++)
        {
            if (failed)
            {
                var path = Path.Combine(RepositoryPaths.Artifacts, "playwright-traces", $"{SafeName()}-{i + 1}.zip");
                await _contexts[i].Tracing.StopAsync(new TracingStopOptions { Path = path });
                TestContext.Current.TestOutputHelper?.WriteLine($"Playwright trace: {path} (drop it on https://trace.playwright.dev, or run playwright show-trace)");
            }
            else
            {
                await _contexts[i].Tracing.StopAsync();
            }

            await _contexts[i].CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static string SafeName() =>
        UnsafeCharacters().Replace(TestContext.Current.Test?.TestDisplayName ?? "test", "_");

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex UnsafeCharacters();
}
