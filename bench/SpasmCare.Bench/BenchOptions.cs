using System.Globalization;

namespace SpasmCare.Bench;

/// <summary>Command-line options. Every value has a default that reproduces the documented run.</summary>
internal sealed class BenchOptions
{
    public int Patients { get; private set; } = 100_000;
    public int Requests { get; private set; } = 2000;
    public int Warmup { get; private set; } = 200;
    public int WrkSeconds { get; private set; } = 15;
    public int WrkRounds { get; private set; } = 3;
    public int WrkWarmupSeconds { get; private set; } = 3;
    public int WrkThreads { get; private set; } = 2;
    public int WrkConnections { get; private set; } = 32;
    public int QuietWaitSeconds { get; private set; } = 120;
    public string? Database { get; private set; }
    public bool SeedOnly { get; private set; }
    public bool WriteDocs { get; private set; }
    public bool Ladder { get; private set; } = true;
    public int LadderSeconds { get; private set; } = 10;
    public bool Explain { get; private set; }
    public bool Serve { get; private set; }
    public bool Micro { get; private set; }
    public string[] MicroArgs { get; private set; } = [];
    public bool Help { get; private set; }

    public const string Usage = """
        SpasmCare benchmark: patient search latency and patient page throughput against a bare baseline.

          dotnet run -c Release --project bench/SpasmCare.Bench -- [options]

          --patients N        synthetic patients in the database (default 100000); the seeded database is
                              cached as bench/results/patients-N-<latest migration>.db and reused
          --requests N        timed search requests per query kind, and for the baseline (default 2000)
          --warmup N          untimed requests per kind first (default 200)
          --duration S        seconds of timed wrk load on the page and on the baseline (default 15), split into
                              rounds that alternate between the two
          --rounds N          wrk rounds per target (default 3: page 5 s, baseline 5 s, page 5 s, ...)
          --wrk-warmup S      seconds of an untimed wrk run on each target first, repeated (up to 10 times)
                              while the JIT is still compiling (default 3; 0 for none)
          --threads N         wrk threads (default 2)
          --connections N     wrk connections (default 32)
          --quiet-wait S      before each phase, wait up to S seconds for other work on the machine to stop
                              (under 20 % CPU busy; default 120, 0 to skip)
          --db PATH           use this SQLite file instead of the cached one
          --seed-only         seed (or check) the database and stop
          --no-ladder         skip the cost ladder (wrk on intermediate endpoints that show where the page's
                              time goes)
          --ladder-duration S seconds per cost-ladder wrk run (default 10)
          --serve             set up (app, baseline, signed-in user), write the addresses, a cookie and a token
                              to bench/results/serve.env, then keep serving until Ctrl-C: for profiling by hand
                              (wrk, perf, dotnet-trace)
          --explain           also print EXPLAIN QUERY PLAN for one query of each search kind
          --write-docs        write the results into docs/benchmarks.md (between its result markers)
          --micro [BDN args]  run the BenchmarkDotNet micro-benchmarks instead (e.g. --micro --filter '*')
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--patients": o.Patients = Int(args, ref i, min: 100); break;
                case "--requests": o.Requests = Int(args, ref i, min: 100); break;
                case "--warmup": o.Warmup = Int(args, ref i, min: 0); break;
                case "--duration": o.WrkSeconds = Int(args, ref i, min: 1); break;
                case "--rounds": o.WrkRounds = Int(args, ref i, min: 1); break;
                case "--wrk-warmup": o.WrkWarmupSeconds = Int(args, ref i, min: 0); break;
                case "--threads": o.WrkThreads = Int(args, ref i, min: 1); break;
                case "--connections": o.WrkConnections = Int(args, ref i, min: 1); break;
                case "--quiet-wait": o.QuietWaitSeconds = Int(args, ref i, min: 0); break;
                case "--db": o.Database = Value(args, ref i); break;
                case "--seed-only": o.SeedOnly = true; break;
                case "--explain": o.Explain = true; break;
                case "--serve": o.Serve = true; break;
                case "--no-ladder": o.Ladder = false; break;
                case "--ladder-duration": o.LadderSeconds = Int(args, ref i, min: 1); break;
                case "--write-docs": o.WriteDocs = true; break;
                case "--micro":
                    o.Micro = true;
                    o.MicroArgs = args[(i + 1)..];
                    return o;
                case "-h" or "--help": o.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{arg}'. Use --help.");
            }
        }

        if (o.WrkConnections < o.WrkThreads)
        {
            throw new ArgumentException("--connections must be at least --threads.");
        }

        return o;
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new ArgumentException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static int Int(string[] args, ref int i, int min)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ArgumentException($"{name} needs a whole number of at least {min}.");
        }

        return value;
    }
}
