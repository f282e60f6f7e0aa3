using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SpasmCare.Bench;

/// <summary>What this process and the machine spent during a measured interval.</summary>
internal sealed record ResourceUsage(double MachineBusyPercent, double ProcessCpuMs, int Gen0, int Gen1, int Gen2,
    long AllocatedBytes, double GcPauseMs, double AppPercent, double ChildrenPercent, double OtherPercent, long JitCompilations)
{
    /// <summary>Equal-length intervals as one: totals summed, shares averaged.</summary>
    public static ResourceUsage Combine(IReadOnlyList<ResourceUsage> parts) => new(
        parts.Average(p => p.MachineBusyPercent), parts.Sum(p => p.ProcessCpuMs), parts.Sum(p => p.Gen0),
        parts.Sum(p => p.Gen1), parts.Sum(p => p.Gen2), parts.Sum(p => p.AllocatedBytes), parts.Sum(p => p.GcPauseMs),
        parts.Average(p => p.AppPercent), parts.Average(p => p.ChildrenPercent), parts.Average(p => p.OtherPercent),
        parts.Sum(p => p.JitCompilations));
}

/// <summary>CPU and GC accounting, so that a result can be read against what else the machine was doing.</summary>
internal static class Machine
{
    /// <summary>Listens to the runtime's JIT events for the whole run.</summary>
    public static JitListener Jit { get; } = new();

    public sealed class Meter
    {
        private readonly (long Busy, long Total) _cpu = ReadProcStat();
        private readonly TimeSpan _process = ProcessCpu();
        private readonly TimeSpan _children = NativeMethods.ChildrenCpu();
        private readonly int _gen0 = GC.CollectionCount(0);
        private readonly int _gen1 = GC.CollectionCount(1);
        private readonly int _gen2 = GC.CollectionCount(2);
        private readonly long _allocated = GC.GetTotalAllocatedBytes();
        private readonly TimeSpan _pause = GC.GetTotalPauseDuration();
        private readonly long _jit = Jit.Count;

        public ResourceUsage Stop()
        {
            var cpu = ReadProcStat();
            var process = ProcessCpu() - _process;
            var children = NativeMethods.ChildrenCpu() - _children;

            // /proc/stat counts in USER_HZ ticks (100 a second) summed over all cores: the capacity of the interval.
            var capacity = (cpu.Total - _cpu.Total) / 100.0;
            var busy = (cpu.Busy - _cpu.Busy) / 100.0;
            double Share(double seconds) => capacity > 0 ? 100.0 * seconds / capacity : double.NaN;
            return new ResourceUsage(
                Share(busy),
                process.TotalMilliseconds,
                GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1, GC.CollectionCount(2) - _gen2,
                GC.GetTotalAllocatedBytes() - _allocated,
                (GC.GetTotalPauseDuration() - _pause).TotalMilliseconds,
                Share(process.TotalSeconds),
                Share(children.TotalSeconds),
                Math.Max(0, Share(busy - process.TotalSeconds - children.TotalSeconds)),
                Jit.Count - _jit);
        }
    }

    /// <summary>Share of the machine's CPU busy over a short interval (before a run: is anything else running?).</summary>
    public static async Task<double> BusyPercentAsync(TimeSpan interval, CancellationToken ct)
    {
        var meter = new Meter();
        await Task.Delay(interval, ct);
        return meter.Stop().MachineBusyPercent;
    }

    /// <summary>
    /// Waits (up to <paramref name="limit"/>) until the machine is quiet: under <paramref name="threshold"/> % busy
    /// over 3 s. Returns the last reading. On a shared machine another workload skews every figure.
    /// </summary>
    public static async Task<double> WaitForQuietAsync(double threshold, TimeSpan limit, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var busy = await BusyPercentAsync(TimeSpan.FromSeconds(3), ct);
            if (busy < threshold || waited.Elapsed >= limit)
            {
                return busy;
            }

            Console.WriteLine($"  machine {busy:F0} % busy with other work; waiting for it to settle ({waited.Elapsed.TotalSeconds:F0} of {limit.TotalSeconds:F0} s)");
        }
    }

    /// <summary>CPU time of this process so far (the app, the baseline and the client code together).</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static (long Busy, long Total) ReadProcStat()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var idle = values[3] + (values.Length > 4 ? values[4] : 0);
            var total = values.Take(8).Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>
    /// The floor under any durable write on this disk: a one-row SQLite transaction in WAL mode with
    /// synchronous=FULL (the app's settings), in a scratch file beside the benchmark database.
    /// </summary>
    public static async Task<(double P50, double P99)> CommitFloorAsync(string directory, int count, CancellationToken ct)
    {
        var path = Path.Combine(directory, "commit-probe.db");
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var samples = new double[count];
        await using (var connection = new SqliteConnection(cs))
        {
            await connection.OpenAsync(ct);
            await using var setup = connection.CreateCommand();
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS t (x BLOB);";
            await setup.ExecuteNonQueryAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (x) VALUES (randomblob(200))";
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await using (var tx = await connection.BeginTransactionAsync(ct))
                {
                    insert.Transaction = (SqliteTransaction)tx;
                    await insert.ExecuteNonQueryAsync(ct);
                    await tx.CommitAsync(ct);
                }

                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        Array.Sort(samples);
        return (SearchLatency.Percentile(samples, 0.5), SearchLatency.Percentile(samples, 0.99));
    }
}
