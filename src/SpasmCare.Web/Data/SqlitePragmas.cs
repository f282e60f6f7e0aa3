using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpasmCare.Web.Data;

/// <summary>
/// Durability and integrity settings for every SQLite connection: a 2xx means committed, even after a power
/// loss (synchronous=FULL; NORMAL can lose the last transactions in WAL mode), and foreign keys are enforced.
/// Automatic checkpoints are off: copying the WAL into the database would otherwise land on whichever request's
/// commit crosses the threshold; <see cref="SqliteCheckpointer"/> does it in the background instead.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint=0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
