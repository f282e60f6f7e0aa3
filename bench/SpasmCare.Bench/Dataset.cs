using Microsoft.Data.Sqlite;

namespace SpasmCare.Bench;

internal sealed record PatientRow(string Id, string GivenName, string FamilyName, string Mobile, string Mrn);

/// <summary>The patients in the benchmark database, read once with plain ADO.NET to build the request lists.</summary>
internal static class Dataset
{
    public static async Task<List<PatientRow>> ReadAsync(string connectionString, CancellationToken ct)
    {
        var rows = new List<PatientRow>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "GivenName", "FamilyName", "Mobile", "Mrn" FROM "Patients" WHERE "IsActive" ORDER BY "Mrn"
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new PatientRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4)));
        }

        return rows;
    }

    public static async Task<long> CountAuditRowsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT coalesce(max("Sequence"), 0) FROM "AuditEvents" """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
