using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpasmCare.Bench;

internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, TimeSpan Duration);

/// <summary>
/// Diagnostics for --explain only (not registered otherwise, so the measured runs have no extra interceptor):
/// records the SQL the app executes while capturing, with EF Core's own per-command durations.
/// </summary>
internal sealed class SqlProbe : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedCommand> _captured = new();
    private volatile bool _capturing;

    public void Begin()
    {
        _captured.Clear();
        _capturing = true;
    }

    public List<CapturedCommand> End()
    {
        _capturing = false;
        return [.. _captured];
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Capture(command, eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Capture(command, eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken = default)
    {
        Capture(command, eventData.Duration);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Capture(DbCommand command, TimeSpan duration)
    {
        if (_capturing)
        {
            _captured.Enqueue(new CapturedCommand(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList(), duration));
        }
    }

    /// <summary>One request per search kind: the SQL it ran, each statement's time, and SQLite's query plan.</summary>
    public async Task<string> ExplainAsync(string connectionString, HttpClient api, IEnumerable<(string Kind, string Query)> samples,
        CancellationToken ct)
    {
        var report = new StringBuilder();
        foreach (var (kind, query) in samples)
        {
            // Once untimed, so that the captured request is a warm one.
            using (await api.GetAsync(SearchLatency.SearchUrl(query), ct))
            {
            }

            Begin();
            var start = Stopwatch.GetTimestamp();
            using var response = await api.GetAsync(SearchLatency.SearchUrl(query), ct);
            _ = await response.Content.ReadAsByteArrayAsync(ct);
            var total = Stopwatch.GetElapsedTime(start);
            await Task.Delay(200, ct);
            var commands = End();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"=== {kind}: q=\"{query}\" — {(int)response.StatusCode}, {total.TotalMilliseconds:F2} ms for the whole request");
            for (var i = 0; i < commands.Count; i++)
            {
                var c = commands[i];
                if (IsAuditInsert(c))
                {
                    // The audit writer's rows: one INSERT per row, summarised.
                    var run = commands.Skip(i).TakeWhile(IsAuditInsert).ToList();
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"--- {run.Sum(r => r.Duration.TotalMilliseconds):F2} ms for {run.Count} × INSERT INTO \"AuditEvents\" (EF Core command time; the commit's fsync comes after)");
                    i += run.Count - 1;
                    continue;
                }

                // The search itself: the SELECT that reads patients' MRNs (not the token or audit-tail queries).
                var isSearch = c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                    && c.Sql.Contains("\"Patients\"", StringComparison.Ordinal)
                    && c.Sql.Contains("\"Mrn\"", StringComparison.Ordinal);
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"--- {c.Duration.TotalMilliseconds:F2} ms (EF Core command time){(isSearch ? Params(c) : "")}");
                report.AppendLine(isSearch ? c.Sql.Trim() : FirstLine(c.Sql));
                if (isSearch)
                {
                    report.AppendLine("QUERY PLAN");
                    report.Append(await PlanAsync(connectionString, c, ct));
                }
            }

            report.AppendLine();
        }

        return report.ToString();
    }

    private static bool IsAuditInsert(CapturedCommand c) =>
        c.Sql.TrimStart().StartsWith("INSERT INTO \"AuditEvents\"", StringComparison.Ordinal);

    private static string FirstLine(string sql)
    {
        var lines = sql.Trim().Split('\n');
        return lines.Length == 1 ? lines[0] : lines[0].TrimEnd() + " …";
    }

    private static string Params(CapturedCommand c) => c.Parameters.Count == 0
        ? ""
        : "  params: " + string.Join(", ", c.Parameters.Select(p => $"{p.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));

    private static async Task<string> PlanAsync(string connectionString, CapturedCommand c, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + c.Sql;
        foreach (var (name, value) in c.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<(long Id, long Parent, string Detail)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
            }
        }

        var depth = new Dictionary<long, int> { [0] = 0 };
        var text = new StringBuilder();
        foreach (var (id, parent, detail) in rows)
        {
            var d = depth.GetValueOrDefault(parent) + 1;
            depth[id] = d;
            text.Append(' ', d * 2).AppendLine(detail);
        }

        // How long the statement takes on its own, outside the app (best of 5, reading every row).
        var best = TimeSpan.MaxValue;
        command.CommandText = c.Sql;
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            best = elapsed < best ? elapsed : best;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  (plain ADO.NET, best of 5: {best.TotalMilliseconds:F2} ms)");
        return text.ToString();
    }
}
