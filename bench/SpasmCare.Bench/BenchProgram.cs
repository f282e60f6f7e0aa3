using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SpasmCare.Bench;

/// <summary>
/// Seeds (once) a database of synthetic patients, starts the real app and a bare baseline on loopback, and
/// measures in one run: search latency (p50/p99 per kind) and the patient page's requests/s with wrk, each as a
/// ratio against the baseline. See bench/README.md.
/// </summary>
internal static class BenchProgram
{
    private static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        if (options.Micro)
        {
            return Micro.Run(options.MicroArgs);
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        try
        {
            await RunAsync(options, string.Join(" ", args), cts.Token);
            return 0;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }

    private static async Task RunAsync(BenchOptions options, string argLine, CancellationToken ct)
    {
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (!options.SeedOnly && !File.Exists(Wrk.Executable))
        {
            throw new InvalidOperationException("wrk is not installed (looked on PATH and at /usr/bin/wrk).");
        }

        Directory.CreateDirectory(RepoPaths.Results);
        var dbPath = Path.GetFullPath(options.Database
            ?? Path.Combine(RepoPaths.Results, $"patients-{options.Patients.ToString(CultureInfo.InvariantCulture)}.db"));
        if (options.Database is null)
        {
            Seeder.DiscardIfIncomplete(dbPath);
        }

        var cs = new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = true }.ToString();
        var probe = options.Explain ? new SqlProbe() : null;

        Console.WriteLine("Starting SpasmCare (Release, Production, SQLite) on loopback...");
        await using var app = new AppHost(cs, probe);
        var appUri = app.Start();
        Console.WriteLine($"  app at {appUri}");

        await Seeder.EnsurePatientsAsync(app.Services, cs, dbPath, options.Patients, ct);
        if (options.SeedOnly)
        {
            return;
        }

        var rows = await Dataset.ReadAsync(cs, ct);
        var (password, token) = await BenchUser.PrepareAsync(app.Services, ct);
        await using var baseline = await Baseline.StartAsync(cs, ct);
        Console.WriteLine($"  baseline at {baseline.Address}");
        var auditBefore = await Dataset.CountAuditRowsAsync(cs, ct);

        // Search latency, the baseline measured alongside.
        var total = options.Warmup + options.Requests;
        var queries = SearchLatency.Queries(rows, total);
        var rng = new Random(11);
        var baselineIds = Enumerable.Range(0, total).Select(_ => rows[rng.Next(rows.Count)].Id).ToList();
        using var api = SearchLatency.Client(appUri, token);
        using var bare = SearchLatency.Client(baseline.Address, null);
        List<RequestKind> kinds =
        [
            new(SearchLatency.Baseline, bare,
                baselineIds.Select(id => new Uri(Baseline.PathPrefix + id, UriKind.Relative)).ToList(), Json: false,
                Baseline.PathPrefix + "{id}"),
            .. queries.Select(q => new RequestKind(q.Key, api, q.Value.Select(SearchLatency.SearchUrl).ToList(), Json: true,
                string.Join(", ", q.Value.Take(3).Select(v => $"q={v}")))),
        ];
        Console.WriteLine($"Search latency: {options.Warmup:N0} untimed + {options.Requests:N0} timed requests per kind, interleaved...");
        var latency = await SearchLatency.RunAsync(kinds, options.Warmup, options.Requests, ct);

        // Patient page throughput against the baseline's, with wrk.
        Console.WriteLine("Signing in through /Account/Login for the patient page...");
        var cookie = await BenchUser.SignInAsync(appUri, password, ct);
        var pageRng = new Random(13);
        var pagePatients = Enumerable.Range(0, 1000).Select(_ => rows[pageRng.Next(rows.Count)]).ToList();
        await CheckPageAsync(appUri, cookie, pagePatients[0], ct);
        var pageScript = await Wrk.WriteScriptAsync("page", pagePatients.Select(p => "/Patients/Details/" + Guid.Parse(p.Id)), ct);
        var baselineScript = await Wrk.WriteScriptAsync("baseline", pagePatients.Select(p => Baseline.PathPrefix + p.Id), ct);

        var page = await WrkPairAsync("Patient page `/Patients/Details/{id}`", appUri, pageScript, cookie, options, cs, ct);
        var bareRun = await WrkPairAsync("Baseline `" + Baseline.PathPrefix + "{id}`", baseline.Address, baselineScript, null,
            options, cs, ct);
        var throughput = new ThroughputInfo(page.Result, bareRun.Result, page.AuditRows);

        var command = "dotnet run -c Release --project bench/SpasmCare.Bench --" + (argLine.Length == 0 ? "" : " " + argLine);
        var run = new RunInfo(started, rows.Count, auditBefore, DatabaseBytes(dbPath), await SqliteVersionAsync(cs, ct),
            await Wrk.Version(ct), options.Requests, options.Warmup, pagePatients.Count, command);
        var markdown = Report.Markdown(run, latency, throughput);
        Console.WriteLine();
        Console.WriteLine(markdown);
        var latest = Path.Combine(RepoPaths.Results, "latest.md");
        await File.WriteAllTextAsync(latest, markdown, ct);
        Console.WriteLine($"Written to {latest}");
        if (options.WriteDocs)
        {
            await Report.WriteDocsAsync(markdown, ct);
            Console.WriteLine($"Written to {RepoPaths.Docs}");
        }

        if (probe is not null)
        {
            var samples = queries.Select(q => (q.Key, q.Value[0]))
                .Append((SearchLatency.NameOneWord + " (widest: two letters)", "sa"));
            var explain = await probe.ExplainAsync(cs, api, samples, ct);
            var file = Path.Combine(RepoPaths.Results, "explain.txt");
            await File.WriteAllTextAsync(file, explain, ct);
            Console.WriteLine(explain);
            Console.WriteLine($"Written to {file}");
        }
    }

    private static async Task<(WrkResult Result, long AuditRows)> WrkPairAsync(string target, Uri uri, string script,
        string? cookie, BenchOptions o, string cs, CancellationToken ct)
    {
        if (o.WrkWarmupSeconds > 0)
        {
            Console.WriteLine($"wrk warm-up ({o.WrkWarmupSeconds} s): {target}");
            await Wrk.RunAsync(target, uri, script, cookie, o.WrkThreads, o.WrkConnections, o.WrkWarmupSeconds, ct);
        }

        Console.WriteLine($"wrk ({o.WrkSeconds} s): {target}");
        var before = await Dataset.CountAuditRowsAsync(cs, ct);
        var result = await Wrk.RunAsync(target, uri, script, cookie, o.WrkThreads, o.WrkConnections, o.WrkSeconds, ct);
        var after = await Dataset.CountAuditRowsAsync(cs, ct);
        Console.WriteLine($"  {result.RequestsPerSecond:N0} requests/s");
        if (result.Non2xx > 0 || result.SocketErrors > 0)
        {
            Console.WriteLine($"  warning: {result.Non2xx} non-2xx/3xx responses, {result.SocketErrors} socket errors");
        }

        return (result, after - before);
    }

    /// <summary>The cookie must give the real page (not the sign-in redirect) before wrk is pointed at it.</summary>
    private static async Task CheckPageAsync(Uri app, string cookie, PatientRow patient, CancellationToken ct)
    {
        using var http = SearchLatency.Client(app, null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Patients/Details/" + Guid.Parse(patient.Id), UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode != 200 || !html.Contains(patient.Mrn, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The patient page returned {(int)response.StatusCode} without the patient's MRN; the sign-in cookie did not work.");
        }

        Console.WriteLine($"  patient page OK ({html.Length:N0} characters of HTML)");
    }

    private static long DatabaseBytes(string dbPath) =>
        new[] { "", "-wal" }.Select(s => new FileInfo(dbPath + s)).Where(f => f.Exists).Sum(f => f.Length);

    private static async Task<string> SqliteVersionAsync(string cs, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string?)await command.ExecuteScalarAsync(ct) ?? "?";
    }
}
