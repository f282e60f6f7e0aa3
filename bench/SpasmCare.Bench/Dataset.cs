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

    /// <summary>
    /// For name queries: how many patients have a name word starting with the query's longest word — the rows the
    /// app's search reads and sorts before it keeps the first 20 (same tokenising as the app).
    /// </summary>
    public static async Task<Dictionary<string, long>> NameMatchesAsync(string connectionString, IEnumerable<string> queries,
        CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var query in queries.Distinct(StringComparer.Ordinal))
        {
            var first = SpasmCare.Web.Features.Patients.PatientFormats.Tokens(query)
                .Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).FirstOrDefault();
            if (first is null)
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT count(DISTINCT "PatientId") FROM "PatientNameTerms" WHERE "Term" >= $low AND "Term" < $high
                """;
            command.Parameters.AddWithValue("$low", first);
            command.Parameters.AddWithValue("$high", first + char.MaxValue);
            counts[query] = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
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
