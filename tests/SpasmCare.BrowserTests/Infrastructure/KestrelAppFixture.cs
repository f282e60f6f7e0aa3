using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Security;

namespace SpasmCare.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a free loopback port) over a fresh SQLite file, with the staff accounts the journeys
/// sign in as, and one headless Chromium shared by every test of the collection.
/// </summary>
public abstract class KestrelAppFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly string _databaseFile =
        Path.Combine(Path.GetTempPath(), "spasmcare-browser-tests", $"sc_{Guid.NewGuid():N}.db");

    private AppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The app's root, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The fixture has not started.")).Services;

    /// <summary>A clock the tests control, or null for the real one.</summary>
    public virtual FakeTimeProvider? Time => null;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databaseFile)!);
        _factory = new AppFactory($"Data Source={_databaseFile}", Time);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report the address it bound.");
        BaseAddress = new Uri(addresses.Addresses.First());

        foreach (var user in TestUsers.All)
        {
            await CreateUserAsync(user);
        }

        // One clinic, so that visits have somewhere to happen.
        await WithDbAsync(async db =>
        {
            db.Sites.Add(new Site { Name = "Test Clinic, Dadar", Kind = SiteKind.Clinic, City = "Mumbai", PinCode = "400028" });
            return await db.SaveChangesAsync();
        });

        // A shared two-core machine can be slow: wait longer than Playwright's default 5 s before failing.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Registers a patient through the app's own use case, as a background job would (no signed-in user).</summary>
    public async Task<Patient> RegisterPatientAsync(PatientInput input)
    {
        await using var scope = Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<RegisterPatient.Handler>();
        return await handler.HandleAsync(new RegisterPatient.Request { Patient = input }, CancellationToken.None);
    }

    public async Task<T> WithDbAsync<T>(Func<SpasmCareDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>());
    }

    private async Task CreateUserAsync(TestUser account)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = new AppUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            MustChangePassword = account.MustChangePassword,
            CreatedAtUtc = Clock.UtcNow(time),
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {account.UserName}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, account.Role);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }

    private sealed class AppFactory(string connectionString, TimeProvider? time) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", connectionString);
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            if (time is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
            }
        }
    }
}

/// <summary>The app with the real clock: the journeys.</summary>
public sealed class JourneyApp : KestrelAppFixture;

/// <summary>
/// The app with a clock that stands still unless a test moves it, so the screenshots show the same times,
/// ages and greetings on every run.
/// </summary>
public sealed class ScreenshotApp : KestrelAppFixture
{
    /// <summary>Tuesday 24 November 2026, 10:00 in Mumbai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 4, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    public override FakeTimeProvider? Time => _time;
}

/// <summary>
/// The app with a clock the journey moves forward: weeks between an injection and its review, a year of follow-ups
/// after an operation. It starts at the real time, so dates look like today's.
/// </summary>
public sealed class ClockJourneyApp : KestrelAppFixture
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    public override FakeTimeProvider? Time => _time;
}

[CollectionDefinition(Name)]
public sealed class ClockJourneyCollection : ICollectionFixture<ClockJourneyApp>
{
    public const string Name = "Browser journeys with a moving clock";
}

[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<JourneyApp>
{
    public const string Name = "Browser journeys";
}

[CollectionDefinition(Name)]
public sealed class ScreenshotCollection : ICollectionFixture<ScreenshotApp>
{
    public const string Name = "Screenshots";
}
