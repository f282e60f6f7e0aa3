using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SpasmCare.Bench;

internal sealed record LatencyResult(
    string Kind, string Example, int Samples, double MeanResults, double P50, double P90, double P99, double Max,
    IReadOnlyList<(string Query, double Ms)> Slowest);

internal sealed record TailDiagnosis(
    int AppRequests, int WalRestarts, int Slowest, int WithGc, int NearWalRestart, int WithNeither, double SlowestThresholdMs);

/// <summary>One kind of request and the URLs it cycles through (with the query each carries, for the report).</summary>
internal sealed record RequestKind(string Name, HttpClient Client, IReadOnlyList<Uri> Urls, bool Json, string Example,
    IReadOnlyList<string> Queries);

/// <summary>
/// Sequential latency: one request at a time over one keep-alive connection per target, timed from sending to
/// the last byte of the body. The kinds (the baseline among them) are interleaved request by request, so drift
/// (GC, WAL checkpoints, a noisy neighbour) falls on all of them alike.
/// </summary>
internal static class SearchLatency
{
    public const string Baseline = "Baseline (row by primary key, plain ADO.NET)";
    public const string NameOneWord = "Name fragment, one word (2-4 letters)";
    public const string NameTwoWords = "Name fragment, two words";
    public const string Mobile = "Mobile (10 digits)";
    public const string Mrn = "MRN";

    public static HttpClient Client(Uri baseAddress, string? bearer)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            MaxConnectionsPerServer = 1,
        };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>The search queries: name fragments, mobiles and MRNs of real rows, picked with a fixed seed.</summary>
    public static Dictionary<string, List<string>> Queries(IReadOnlyList<PatientRow> rows, int count)
    {
        var rng = new Random(7);
        PatientRow Any() => rows[rng.Next(rows.Count)];
        string Prefix(string word, int min, int max) => word[..Math.Min(word.Length, rng.Next(min, max + 1))];

        var oneWord = new List<string>(count);
        var twoWords = new List<string>(count);
        var mobiles = new List<string>(count);
        var mrns = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var p = Any();
            var word = rng.Next(2) == 0 ? p.GivenName : p.FamilyName;
            oneWord.Add(Prefix(word, 2, 4).ToLowerInvariant());
            p = Any();
            twoWords.Add(rng.Next(3) == 0
                ? $"{p.GivenName} {p.FamilyName}"
                : $"{Prefix(p.GivenName, 2, 5)} {Prefix(p.FamilyName, 2, 5)}".ToLowerInvariant());
            mobiles.Add(Any().Mobile);
            mrns.Add(Any().Mrn);
        }

        return new Dictionary<string, List<string>>
        {
            [NameOneWord] = oneWord,
            [NameTwoWords] = twoWords,
            [Mobile] = mobiles,
            [Mrn] = mrns,
        };
    }

    public static Uri SearchUrl(string query) =>
        new("/api/v1/patients?q=" + Uri.EscapeDataString(query), UriKind.Relative);

    public static async Task<(List<LatencyResult> Results, TailDiagnosis Tail)> RunAsync(IReadOnlyList<RequestKind> kinds,
        int warmup, int requests, string walPath, CancellationToken ct)
    {
        var samples = kinds.ToDictionary(k => k.Name, _ => new List<double>(requests));
        var timeline = new List<(string Kind, double Ms, bool Gc, bool WalRestart)>(requests * kinds.Count);
        var byQuery = kinds.ToDictionary(k => k.Name, _ => new Dictionary<string, double>(StringComparer.Ordinal));
        var results = kinds.ToDictionary(k => k.Name, _ => 0L);
        var total = warmup + requests;
        var progress = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            foreach (var kind in kinds)
            {
                var url = kind.Urls[i % kind.Urls.Count];
                var gcBefore = GC.CollectionCount(0);
                var walBefore = WalSalt(walPath);
                var start = Stopwatch.GetTimestamp();
                using var response = await kind.Client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                var elapsed = Stopwatch.GetElapsedTime(start);
                var gc = GC.CollectionCount(0) != gcBefore;
                var walRestart = WalSalt(walPath) != walBefore;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{kind.Name}: {url} returned {(int)response.StatusCode}.");
                }

                if (i < warmup)
                {
                    continue;
                }

                samples[kind.Name].Add(elapsed.TotalMilliseconds);
                timeline.Add((kind.Name, elapsed.TotalMilliseconds, gc, walRestart));
                var query = kind.Queries[i % kind.Queries.Count];
                var worst = byQuery[kind.Name];
                worst[query] = Math.Max(worst.GetValueOrDefault(query), elapsed.TotalMilliseconds);
                if (kind.Json)
                {
                    using var doc = JsonDocument.Parse(body);
                    results[kind.Name] += doc.RootElement.GetArrayLength();
                }
                else
                {
                    results[kind.Name]++;
                }
            }

            if (progress.Elapsed > TimeSpan.FromSeconds(15))
            {
                Console.WriteLine($"  {i + 1:N0} / {total:N0} rounds");
                progress.Restart();
            }
        }

        var list = kinds.Select(k =>
        {
            var sorted = samples[k.Name].Order().ToArray();
            return new LatencyResult(k.Name, k.Example, sorted.Length, (double)results[k.Name] / sorted.Length,
                Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted[^1],
                byQuery[k.Name].OrderByDescending(q => q.Value).Take(5).Select(q => (q.Key, q.Value)).ToList());
        }).ToList();
        return (list, Diagnose(timeline, kinds[0].Name));
    }

    /// <summary>
    /// What the slowest 1 % of the app's requests had in common: a garbage collection in this process while they ran
    /// (the app and the client share it), or a WAL restart — SQLite rewrites the WAL header on the first write after
    /// a checkpoint, and the checkpoint itself (copying the WAL into the database, fsync) runs in the commit just
    /// before, so a request is counted when the restart fell in it or in the request after it.
    /// </summary>
    private static TailDiagnosis Diagnose(List<(string Kind, double Ms, bool Gc, bool WalRestart)> timeline, string baselineKind)
    {
        var app = Enumerable.Range(0, timeline.Count).Where(i => timeline[i].Kind != baselineKind).ToList();
        var slowest = app.OrderByDescending(i => timeline[i].Ms).Take(Math.Max(1, app.Count / 100)).ToList();
        bool NearRestart(int i) => timeline[i].WalRestart || (i + 1 < timeline.Count && timeline[i + 1].WalRestart);
        return new TailDiagnosis(
            app.Count, timeline.Count(t => t.WalRestart), slowest.Count,
            slowest.Count(i => timeline[i].Gc), slowest.Count(NearRestart),
            slowest.Count(i => !timeline[i].Gc && !NearRestart(i)),
            slowest.Count > 0 ? timeline[slowest[^1]].Ms : 0);
    }

    /// <summary>The WAL header's salts (bytes 16–23), which SQLite changes each time it restarts the WAL.</summary>
    private static ulong WalSalt(string walPath)
    {
        try
        {
            using var file = new FileStream(walPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[24];
            return file.Read(header) == 24 ? BitConverter.ToUInt64(header[16..]) : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
