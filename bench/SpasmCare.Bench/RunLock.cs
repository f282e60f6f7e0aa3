using System.Globalization;

namespace SpasmCare.Bench;

/// <summary>
/// One benchmark run at a time on a machine: two runs would share the cores (spoiling both) and the cached
/// database (one resetting the other's benchmark user). A second run waits for the first.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    public static async Task<RunLock> AcquireAsync(TimeSpan limit, CancellationToken ct)
    {
        var path = Path.Combine(RepoPaths.Results, "bench.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                file.SetLength(0);
                var pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                await file.WriteAsync(pid, ct);
                await file.FlushAsync(ct);
                return new RunLock(file);
            }
            catch (IOException) when (waited.Elapsed < limit)
            {
                var holder = "";
                try
                {
                    using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                    using var text = new StreamReader(reader);
                    holder = $" (pid {(await text.ReadToEndAsync(ct)).Trim()})";
                }
                catch (IOException)
                {
                }

                Console.WriteLine($"  another benchmark run holds {path}{holder}; waiting for it to finish ({waited.Elapsed.TotalMinutes:F0} of {limit.TotalMinutes:F0} min)");
                await Task.Delay(TimeSpan.FromSeconds(15), ct);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
