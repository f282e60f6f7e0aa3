using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SpasmCare.Bench;

internal sealed record RunInfo(
    DateTime StartedUtc, int Patients, long AuditRowsBefore, long DatabaseBytes, string SqliteVersion, string WrkVersion,
    int Requests, int Warmup, int PagePaths, string Command);

internal sealed record ThroughputInfo(WrkResult Page, WrkResult Baseline, long AuditRowsDuringPage);

/// <summary>The Markdown report: printed, written to bench/results/latest.md, and (with --write-docs) to docs.</summary>
internal static class Report
{
    public const double SearchP99TargetMs = 20;
    public const double PageRatioTarget = 0.40;
    public const string StartMarker = "<!-- bench:results:start -->";
    public const string EndMarker = "<!-- bench:results:end -->";

    public static string Markdown(RunInfo run, IReadOnlyList<LatencyResult> latency, ThroughputInfo throughput)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var baseline = latency.Single(l => l.Kind == SearchLatency.Baseline);
        var searches = latency.Where(l => l.Kind != SearchLatency.Baseline).ToList();
        var searchPass = searches.All(s => s.P99 < SearchP99TargetMs);
        var ratio = throughput.Page.RequestsPerSecond / throughput.Baseline.RequestsPerSecond;
        var pagePass = ratio >= PageRatioTarget;

        md.AppendLine(inv, $"### Run of {run.StartedUtc:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(inv, $"- Command: `{run.Command}`");
        md.AppendLine(inv, $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {Gib(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} RAM, {RuntimeInformation.OSDescription}");
        md.AppendLine(inv, $"- Software: {RuntimeInformation.FrameworkDescription}, SQLite {run.SqliteVersion}, {run.WrkVersion}; app and baseline in one Release process, server GC");
        md.AppendLine(inv, $"- Dataset: {run.Patients:N0} synthetic patients; database {Mib(run.DatabaseBytes)} with {run.AuditRowsBefore:N0} audit rows at the start (SQLite, WAL, synchronous=FULL)");
        md.AppendLine();
        md.AppendLine("| Target | Result | Verdict |");
        md.AppendLine("|---|---|---|");
        var worst = searches.MaxBy(s => s.P99)!;
        md.AppendLine(inv, $"| Search p99 under {SearchP99TargetMs:0} ms at {run.Patients:N0} patients | worst kind: {worst.Kind}, p99 {worst.P99:F2} ms | {(searchPass ? "**pass**" : "**FAIL**")} |");
        md.AppendLine(inv, $"| Patient page at least {PageRatioTarget:P0} of the baseline's requests/s | {throughput.Page.RequestsPerSecond:N0} / {throughput.Baseline.RequestsPerSecond:N0} = {ratio:P0} | {(pagePass ? "**pass**" : "**FAIL**")} |");
        md.AppendLine();
        md.AppendLine(inv, $"#### Search latency (`GET /api/v1/patients?q=…`, bearer token; {run.Requests:N0} timed requests per kind after {run.Warmup:N0} untimed, one at a time, kinds interleaved)");
        md.AppendLine();
        md.AppendLine("| Request | Example | Results per request | p50 ms | p90 ms | p99 ms | max ms | p50 ÷ baseline | p99 ÷ baseline | p99 < 20 ms |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var l in latency)
        {
            var isBaseline = l.Kind == SearchLatency.Baseline;
            md.AppendLine(inv,
                $"| {l.Kind} | `{l.Example}` | {l.MeanResults:0.#} | {l.P50:F2} | {l.P90:F2} | {l.P99:F2} | {l.Max:F1} | {l.P50 / baseline.P50:F1}× | {l.P99 / baseline.P99:F1}× | {(isBaseline ? "—" : l.P99 < SearchP99TargetMs ? "pass" : "FAIL")} |");
        }

        md.AppendLine();
        md.AppendLine(inv, $"#### Patient page throughput (wrk on loopback, {run.PagePaths:N0} different patients in turn)");
        md.AppendLine();
        md.AppendLine("| Endpoint | Requests/s | Requests | wrk p50 ms | wrk p99 ms | Non-2xx/3xx | Socket errors | ÷ baseline |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var w in new[] { throughput.Page, throughput.Baseline })
        {
            md.AppendLine(inv,
                $"| {w.Target} | {w.RequestsPerSecond:N0} | {w.Requests:N0} | {w.P50Ms:F2} | {w.P99Ms:F2} | {w.Non2xx} | {w.SocketErrors} | {w.RequestsPerSecond / throughput.Baseline.RequestsPerSecond:P0} |");
        }

        md.AppendLine();
        md.AppendLine(inv, $"- Page: `{throughput.Page.Command}`");
        md.AppendLine(inv, $"- Baseline: `{throughput.Baseline.Command}`");
        md.AppendLine(inv, $"- Audit rows committed during the timed page run: {throughput.AuditRowsDuringPage:N0} (wrk counted {throughput.Page.Requests:N0} responses; each page view commits one audit row before it is sent, so the two agree when every response was a real, signed-in page)");
        return md.ToString();
    }

    /// <summary>Replaces the text between the result markers of docs/benchmarks.md, keeping the rest.</summary>
    public static async Task WriteDocsAsync(string markdown, CancellationToken ct)
    {
        var path = RepoPaths.Docs;
        var block = StartMarker + Environment.NewLine + markdown.TrimEnd() + Environment.NewLine + EndMarker;
        string text;
        if (File.Exists(path))
        {
            text = await File.ReadAllTextAsync(path, ct);
            var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
            var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
            text = start >= 0 && end > start
                ? text[..start] + block + text[(end + EndMarker.Length)..]
                : text.TrimEnd() + Environment.NewLine + Environment.NewLine + "## Latest results" + Environment.NewLine
                    + Environment.NewLine + block + Environment.NewLine;
        }
        else
        {
            text = "# Benchmarks" + Environment.NewLine + Environment.NewLine + "## Latest results" + Environment.NewLine
                + Environment.NewLine + block + Environment.NewLine;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, ct);
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB";

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture) + " MiB";
}
