using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SpasmCare.Web.Hosting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Defaults to an SQLite file under <c>data/</c> beside the app.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start-up. Default: on for SQLite, off for PostgreSQL (a deploy step there).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Test clusters only: start even when PostgreSQL's durability settings are off.</summary>
    public bool AllowUnsafeDurability { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}

public static class DataSetup
{
    /// <summary>The app's own data folder (the SQLite file, uploaded documents): <c>data/</c> beside the app.</summary>
    public static string DataDirectory(string contentRoot) => Path.Combine(contentRoot, "data");

    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.IsPostgres && !string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{options.Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.IsPostgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres: set Database:ConnectionString.");
            }

            var dataDir = DataDirectory(contentRoot);
            Directory.CreateDirectory(dataDir);
            options.ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDir, "spasmcare.db"),
                Pooling = true,
            }.ToString();
        }

        services.AddSingleton(options);
        services.AddSingleton<StampInterceptor>();
        services.AddSingleton<SqlitePragmas>();
        if (options.IsPostgres)
        {
            services.AddDbContextPool<SpasmCareDbContext, PostgresSpasmCareDbContext>((sp, o) => o
                .UseNpgsql(options.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<StampInterceptor>()));
        }
        else
        {
            services.AddDbContextPool<SpasmCareDbContext, SqliteSpasmCareDbContext>((sp, o) => o
                .UseSqlite(options.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<StampInterceptor>(), sp.GetRequiredService<SqlitePragmas>()));
            services.AddHostedService<SqliteCheckpointer>();
        }

        return services;
    }

    /// <summary>Migrates (when configured) and refuses to run on settings that could lose acknowledged writes.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        if (options.MigrateOnStartup ?? !options.IsPostgres)
        {
            await db.Database.MigrateAsync(ct);
        }

        if (options.IsPostgres)
        {
            await CheckPostgresAsync(db, options, ct);
        }
        else
        {
            await CheckSqliteAsync(db, ct);
        }
    }

    private static async Task CheckSqliteAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var mode = await db.Database.ScalarAsync("PRAGMA journal_mode=WAL", ct) ?? "";
            var sync = long.Parse(await db.Database.ScalarAsync("PRAGMA synchronous", ct) ?? "0", CultureInfo.InvariantCulture);
            var isMemory = string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase);
            if ((!isMemory && !string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase)) || sync < 2)
            {
                throw new InvalidOperationException(
                    $"SQLite must run with journal_mode=WAL and synchronous=FULL (found {mode}, {sync}).");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CheckPostgresAsync(SpasmCareDbContext db, DatabaseOptions options, CancellationToken ct)
    {
        if (options.AllowUnsafeDurability)
        {
            return;
        }

        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            var value = await db.Database.ScalarAsync("SELECT current_setting(@name)", ct, ("@name", setting));
            if (!string.Equals(value, "on", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL setting {setting} is '{value}'; SpasmCare requires 'on' so that acknowledged writes survive a crash.");
            }
        }
    }
}
