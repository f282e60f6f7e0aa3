using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpasmCare.Web.Data;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Bench;

/// <summary>
/// Fills the benchmark database with synthetic patients through the app's own
/// <see cref="Bootstrap.SeedPatientsAsync"/> (each patient with its name terms, first revision and audit row).
/// A database is seeded once and then reused; a marker file says that seeding finished.
/// </summary>
internal static class Seeder
{
    public const int Seed = 20261124;

    public static string CompleteMarker(string dbPath) => dbPath + ".complete";

    /// <summary>The id of the newest SQLite migration compiled into the app, such as 20261124084423.</summary>
    public static string LatestMigration() => typeof(SqliteSpasmCareDbContext).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteSpasmCareDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Max(StringComparer.Ordinal)?.Split('_')[0] ?? "none";

    /// <summary>Deletes a cached database whose seeding never finished (it cannot be resumed deterministically).</summary>
    public static void DiscardIfIncomplete(string dbPath)
    {
        if (File.Exists(dbPath) && !File.Exists(CompleteMarker(dbPath)))
        {
            Console.WriteLine($"Discarding {dbPath}: its seeding did not finish.");
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbPath + suffix);
            }
        }
    }

    public static async Task EnsurePatientsAsync(IServiceProvider services, string connectionString, string dbPath,
        int target, CancellationToken ct)
    {
        var existing = await CountPatientsAsync(connectionString, ct);
        if (existing >= target)
        {
            Console.WriteLine($"Reusing {dbPath}: {existing:N0} patients.");
            await File.WriteAllTextAsync(CompleteMarker(dbPath), existing.ToString(CultureInfo.InvariantCulture), ct);
            return;
        }

        if (existing > 0)
        {
            throw new InvalidOperationException(
                $"{dbPath} holds {existing:N0} patients, fewer than {target:N0}. Delete it (or pass another --db) to seed afresh.");
        }

        Console.WriteLine($"Seeding {target:N0} synthetic patients into {dbPath} (once; later runs reuse the file)...");
        var watch = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = ReportProgressAsync(connectionString, target, watch, stop.Token);
        try
        {
            await Bootstrap.SeedPatientsAsync(services, target, Seed, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await progress;
        }

        var count = await CountPatientsAsync(connectionString, ct);
        Console.WriteLine($"Seeded {count:N0} patients in {watch.Elapsed.TotalSeconds:F0} s.");
        await File.WriteAllTextAsync(CompleteMarker(dbPath), count.ToString(CultureInfo.InvariantCulture), ct);
    }

    public static async Task<long> CountPatientsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT count(*) FROM "Patients" """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ReportProgressAsync(string connectionString, int target, Stopwatch watch, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                var count = await CountPatientsAsync(connectionString, ct);
                var rate = count / Math.Max(1, watch.Elapsed.TotalSeconds);
                var left = rate > 0 ? TimeSpan.FromSeconds((target - count) / rate) : TimeSpan.Zero;
                Console.WriteLine($"  {count,9:N0} / {target:N0} patients  ({rate:N0}/s, about {left.TotalMinutes:F1} min left)");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
