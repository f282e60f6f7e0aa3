using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpasmCare.Web.Data;

/// <summary>
/// Durability and integrity settings for every SQLite connection: a 2xx means committed, even after a power
/// loss (synchronous=FULL; NORMAL can lose the last transactions in WAL mode), and foreign keys are enforced.
/// Automatic checkpoints are off: copying the WAL into the database would otherwise land on whichever request's
/// commit crosses the threshold; <see cref="SqliteCheckpointer"/> does it in the background instead.
/// The settings belong to the native connection, which Microsoft.Data.Sqlite's pool keeps open across
/// <c>Open</c>/<c>Close</c>, so they are applied once per native handle rather than on every open (four parsed
/// statements per EF Core query otherwise).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint=0;";

    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, handle);
        }
    }
}
