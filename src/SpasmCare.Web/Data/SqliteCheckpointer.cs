using Microsoft.Data.Sqlite;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Data;

/// <summary>
/// SQLite mode only: checkpoints the write-ahead log every second, off the request path (requests run with
/// automatic checkpoints turned off, see <see cref="SqlitePragmas"/>). PASSIVE never blocks readers or writers; a
/// checkpoint that could not finish is simply repeated on the next tick.
/// </summary>
public sealed class SqliteCheckpointer(DatabaseOptions options, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own unpooled connection: the settings below must not leak into the request connections' pool.
        var connectionString = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new SqliteConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=1000; PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException ex)
                {
                    logger.CheckpointFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

internal static partial class CheckpointLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "SQLite checkpoint failed; it will be retried")]
    public static partial void CheckpointFailed(this ILogger logger, Exception ex);
}
