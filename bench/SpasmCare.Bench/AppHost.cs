using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpasmCare.Web.Data;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Bench;

/// <summary>
/// The real SpasmCare app (its own Program, middleware, auth, audit and SQLite settings) on Kestrel on a loopback
/// port, in this process, configured only through settings: Production, SQLite on the benchmark's file, no demo
/// data, warnings-only logging.
/// </summary>
internal sealed class AppHost : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly SqlProbe? _probe;

    public AppHost(string connectionString, SqlProbe? probe)
    {
        _connectionString = connectionString;
        _probe = probe;
        UseKestrel(0);
    }

    /// <summary>Starts Kestrel (migrating the database and running the app's first-start bootstrap).</summary>
    public Uri Start()
    {
        StartServer();
        var options = Services.GetRequiredService<DatabaseOptions>();
        if (!string.Equals(options.ConnectionString, _connectionString, StringComparison.Ordinal) || options.IsPostgres)
        {
            throw new InvalidOperationException(
                $"The app did not take the benchmark's database settings (it uses '{options.ConnectionString}').");
        }

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel has no address feature.");
        var address = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The web project's folder (its wwwroot and appsettings.json), as when it runs on its own.
        builder.UseContentRoot(Path.Combine(RepoPaths.Root, "src", "SpasmCare.Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (_probe is { } probe)
        {
            builder.ConfigureServices(s => s.ConfigureDbContext<SqliteSpasmCareDbContext>(o => o.AddInterceptors(probe)));
        }
    }
}
