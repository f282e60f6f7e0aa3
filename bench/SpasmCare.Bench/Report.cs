using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SpasmCare.Bench;

internal sealed record RunInfo(
    DateTime StartedUtc, int Patients, long AuditRowsBefore, long DatabaseBytes, string SqliteVersion, string WrkVersion,
    int Requests, int Warmup, int PagePaths, string Command, double BusyBefore, (double P50, double P99) CommitFloor,
    ResourceUsage LatencyUsage, TimeSpan SecurityStampInterval, bool CookieReissued, string Revision, TailDiagnosis Tail,
    int LatencyPasses, int ThroughputPasses);

internal sealed record ThroughputInfo(
    WrkResult Page, WrkResult Baseline, long AuditRowsDuringPage, ResourceUsage PageUsage, ResourceUsage BaselineUsage,
    IReadOnlyList<double> PageRoundRps, IReadOnlyList<double> BaselineRoundRps);

/// <summary>The Markdown report: printed, written to bench/results/latest.md, and (with --write-docs) to docs.</summary>
internal static class Report
{
    public const double SearchP99TargetMs = 20;
    public const double PageRatioTarget = 0.40;
    public const string StartMarker = "<!-- bench:results:start -->";
    public const string EndMarker = "<!-- bench:results:end -->";

    public static string Markdown(RunInfo run, IReadOnlyList<LatencyResult> latency, IReadOnlyDictionary<string, long> nameMatches,
        ThroughputInfo throughput,
        IReadOnlyList<(WrkResult Result, ResourceUsage Usage)> ladder)
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
        md.AppendLine(inv, $"- Code: commit {run.Revision}");
        md.AppendLine(inv, $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {Gib(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} RAM, {RuntimeInformation.OSDescription}");
        md.AppendLine(inv, $"- Software: {RuntimeInformation.FrameworkDescription}, SQLite {run.SqliteVersion}, {run.WrkVersion}; app and baseline in one Release process, server GC");
        md.AppendLine(inv, $"- Dataset: {run.Patients:N0} synthetic patients; database {Mib(run.DatabaseBytes)} with {run.AuditRowsBefore:N0} audit rows at the start (SQLite, WAL, synchronous=FULL)");
        md.AppendLine(inv, $"- Other work on the machine: {run.BusyBefore:F0} % CPU busy just before the latency pass; during it, other processes took {run.LatencyUsage.OtherPercent:F0} % of the machine's CPU (this process {run.LatencyUsage.AppPercent:F0} %); per wrk run see the last column below. A phase that other processes disturbed (over {15} %) is repeated, up to three times: here the latency pass ran {run.LatencyPasses} time(s), the page/baseline rounds {run.ThroughputPasses}. Figures taken while other processes compete for the 2 cores are pessimistic.");
        md.AppendLine(inv, $"- Durable commit floor on this disk (one-row SQLite transaction, WAL, synchronous=FULL, same directory): p50 {run.CommitFloor.P50:F2} ms, p99 {run.CommitFloor.P99:F2} ms. Every search and page view commits its audit rows before it answers, so this is a floor under each of them; the baseline writes nothing.");
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
        foreach (var l in latency.Where(l => l.Kind != SearchLatency.Baseline))
        {
            var slowest = l.Slowest.Select(q => nameMatches.TryGetValue(q.Query, out var n)
                ? $"`{q.Query}` {q.Ms:F1} ms ({n:N0} patients match its longest word)"
                : $"`{q.Query}` {q.Ms:F1} ms");
            md.AppendLine(inv, $"- Slowest queries, {l.Kind}: {string.Join(", ", slowest)}");
        }

        var tail = run.Tail;
        var pass = run.LatencyUsage;
        md.AppendLine(inv, $"- The tail: of the {tail.Slowest:N0} slowest app requests (the slowest 1 % of {tail.AppRequests:N0}, all over {tail.SlowestThresholdMs:F1} ms), {tail.WithGc:N0} overlapped a garbage collection in the process and {tail.NearWalRestart:N0} a WAL checkpoint ({tail.WalRestarts:N0} in the pass); {tail.WithNeither:N0} neither. During the pass: {pass.Gen0:N0} gen0, {pass.Gen1:N0} gen1 and {pass.Gen2:N0} gen2 collections, {pass.GcPauseMs:N0} ms paused in all.");
        md.AppendLine();
        md.AppendLine(inv, $"#### Patient page throughput (wrk on loopback, {run.PagePaths:N0} different patients in turn; {throughput.PageRoundRps.Count} alternating rounds per endpoint)");
        md.AppendLine();
        md.AppendLine("| Endpoint | Requests/s | ÷ baseline | Requests/s per round | Requests | wrk p50 ms | wrk p99 ms | Non-2xx/3xx | Socket errors | App CPU µs/request | Allocated KB/request | GCs (0/1/2) | JIT compilations | CPU share: app / wrk / other processes |");
        md.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|");
        foreach (var (w, u, perRound) in new[]
                 {
                     (throughput.Page, throughput.PageUsage, throughput.PageRoundRps),
                     (throughput.Baseline, throughput.BaselineUsage, throughput.BaselineRoundRps),
                 })
        {
            var n = Math.Max(1, w.Requests);
            var rounds = string.Join(", ", perRound.Select(r => r.ToString("N0", inv)));
            md.AppendLine(inv,
                $"| {w.Target} | {w.RequestsPerSecond:N0} | {w.RequestsPerSecond / throughput.Baseline.RequestsPerSecond:P0} | {rounds} | {w.Requests:N0} | {w.P50Ms:F2} | {w.P99Ms:F2} | {w.Non2xx} | {w.SocketErrors} | {u.ProcessCpuMs * 1000 / n:N0} | {u.AllocatedBytes / 1024.0 / n:N1} | {u.Gen0}/{u.Gen1}/{u.Gen2} | {u.JitCompilations:N0} | {u.AppPercent:F0} % / {u.ChildrenPercent:F0} % / {u.OtherPercent:F0} % |");
        }

        md.AppendLine();
        md.AppendLine("- Requests/s is all rounds' responses over all rounds' time; p50 is the median round's, p99 the worst round's.");
        if (ladder.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("#### Cost ladder (same wrk load, one layer added at a time; where the page's time goes)");
            md.AppendLine();
            md.AppendLine("| Endpoint | Requests/s | ÷ baseline | wrk p50 ms | wrk p99 ms | Non-2xx/3xx | App CPU µs/request | Allocated KB/request | JIT compilations | CPU share: app / wrk / other processes |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            var rows = new List<(WrkResult Result, ResourceUsage Usage)> { (throughput.Baseline, throughput.BaselineUsage) };
            rows.AddRange(ladder);
            rows.Add((throughput.Page, throughput.PageUsage));
            foreach (var (w, u) in rows)
            {
                var n = Math.Max(1, w.Requests);
                md.AppendLine(inv,
                    $"| {w.Target} | {w.RequestsPerSecond:N0} | {w.RequestsPerSecond / throughput.Baseline.RequestsPerSecond:P0} | {w.P50Ms:F2} | {w.P99Ms:F2} | {w.Non2xx} | {u.ProcessCpuMs * 1000 / n:N0} | {u.AllocatedBytes / 1024.0 / n:N1} | {u.JitCompilations:N0} | {u.AppPercent:F0} % / {u.ChildrenPercent:F0} % / {u.OtherPercent:F0} % |");
            }

            md.AppendLine();
            md.AppendLine("- `/Status?code=404` answers 200 with the not-found page (it is the app's status page). Each ladder step "
                + "is one wrk run (same threads and connections) after its own warm-up; the first and last rows repeat the timed runs above.");
        }

        md.AppendLine();

        md.AppendLine(inv, $"- Page, each round: `{throughput.Page.Command}`");
        md.AppendLine(inv, $"- Baseline, each round: `{throughput.Baseline.Command}`");
        md.AppendLine("- App CPU is this process's CPU time during the timed run divided by the responses (wrk runs in its own process); the app and the baseline share the process, and the one not under load is idle.");
        md.AppendLine(inv, $"- Audit rows committed during the timed page run: {throughput.AuditRowsDuringPage:N0} (wrk counted {throughput.Page.Requests:N0} responses; each page view commits one audit row before it is sent, so the two agree, give or take the requests still in flight when each round ends, only when every response was a real, signed-in page)");
        md.AppendLine(inv, $"- The app's security-stamp validation interval is {(run.SecurityStampInterval == TimeSpan.Zero ? "zero: every cookie-authenticated request reloads the user, rebuilds the claims and re-issues the cookie" : run.SecurityStampInterval.ToString())}{(run.CookieReissued ? " (seen: the page's response carried a new sign-in cookie)" : "")}. Each wrk run on a cookie endpoint starts from a fresh sign-in, so that a longer interval would be measured as a browser (which stores re-issued cookies) sees it.");
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
