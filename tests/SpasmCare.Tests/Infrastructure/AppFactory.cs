using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.Users;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app on a fresh, migrated database of its own (a temporary SQLite file, or a new database on the
/// PostgreSQL cluster that test.sh starts), with a fake clock and a test sign-in scheme for pages.
/// </summary>
public abstract class AppFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "SPASMCARE_TEST_PG";
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 4, 30, 0, TimeSpan.Zero);

    private readonly string _name = "sc_test_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = "";
    private string? _sqliteFile;

    public DatabaseProvider Provider => provider;
    public FakeTimeProvider Time { get; } = new(Start);
    protected virtual bool SeedDemo => false;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL tests need {PostgresVariable} (a connection string to a test cluster). Run ./test.sh, which starts one.");
            }

            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
        }
        else
        {
            var dir = Path.Combine(Path.GetTempPath(), "spasmcare-tests");
            Directory.CreateDirectory(dir);
            _sqliteFile = Path.Combine(dir, _name + ".db");
            _connectionString = $"Data Source={_sqliteFile};Pooling=false";
        }

        // Builds the host: migrations run, roles are created.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:AllowUnsafeDurability", "true");
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("DetailedErrors", "true");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null)
                .AddPolicyScheme(TestAuthHandler.PolicyName, null, o => o.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestAuthHandler.Header)
                        ? TestAuthHandler.SchemeName
                        : SpasmCare.Web.Hosting.SecuritySetup.ByPathScheme);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestAuthHandler.PolicyName);
        });
    }

    /// <summary>A client that acts as a signed-in staff member of <paramref name="role"/> (no cookie needed).</summary>
    public HttpClient CreateClient(string role, bool followRedirects = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, role);
        return client;
    }

    /// <summary>A client with a fresh API token for a new user with <paramref name="role"/>.</summary>
    public async Task<(HttpClient Client, Guid UserId, Guid TokenId)> CreateApiClientAsync(string role = Roles.FrontDesk)
    {
        var userId = await CreateUserAsync(role, "api." + Guid.NewGuid().ToString("N")[..8], "Integration Test");
        var secret = await WithScopeAsync(sp => sp.GetRequiredService<IssueApiToken.Handler>()
            .HandleAsync(userId, new IssueApiToken.Request { Name = "test", ValidForDays = 30 }, CancellationToken.None));
        var tokenId = await WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == userId).Select(t => t.Id).SingleAsync());
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return (client, userId, tokenId);
    }

    public async Task<Guid> CreateUserAsync(string role, string userName, string password, bool mustChangePassword = false)
    {
        return await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = "Test " + userName,
                MustChangePassword = mustChangePassword,
                CreatedAtUtc = Time.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, password.Length >= 10 ? password : password + "-long-enough");
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            return user.Id;
        });
    }

    public async Task<T> WithDbAsync<T>(Func<SpasmCareDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>());
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (provider == DatabaseProvider.Postgres && _connectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAppFactory() : AppFactory(DatabaseProvider.Postgres);

/// <summary>Signs a request in as a staff member of the role named in a header that only tests send.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string PolicyName = "TestOrCookie";
    public const string Header = "X-Test-Role";

    public static Guid UserIdOf(string role) => new($"00000000-0000-0000-0000-{Math.Abs(role.GetHashCode(StringComparison.Ordinal)) % 1_000_000_000_000:D12}");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var role = Request.Headers[Header].ToString();
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, UserIdOf(role).ToString()),
            new(ClaimTypes.Name, "test." + role.ToLowerInvariant()),
            new(AppClaimsFactory.DisplayName, "Test " + role),
        ];
        if (role != "none")
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
