using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Bench;

/// <summary>BenchmarkDotNet micro-benchmarks of pure code, each against a naive baseline (reported as a ratio).</summary>
internal static class Micro
{
    /// <summary>
    /// Runs in process unless asked otherwise (<c>--out-of-process</c>): a separate build of the web project for each
    /// job takes minutes on two cores, and the code measured here does no I/O.
    /// </summary>
    public static int Run(string[] args)
    {
        var list = args.Length == 0 ? ["--filter", "*"] : args.ToList();
        if (!list.Remove("--out-of-process") && !list.Contains("--inProcess") && !list.Contains("-i"))
        {
            list.Add("--inProcess");
        }

        var config = DefaultConfig.Instance
            .WithArtifactsPath(Path.Combine(RepoPaths.Results, "BenchmarkDotNet.Artifacts"))
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(NameTokensBenchmark), typeof(MobileBenchmark)])
            .Run([.. list], config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}

/// <summary>Search keys for a name (accent folding, punctuation) against a plain lower-case split.</summary>
[MemoryDiagnoser]
public class NameTokensBenchmark
{
    [Params("Anjali Mehta", "Dr. Sunita  Patil-Deshmukh", "Zoë Ñúñez d'Souza")]
    public string Name { get; set; } = "";

    [Benchmark(Baseline = true)]
    public int LowerSplit() => Name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [Benchmark]
    public int Tokens() => PatientFormats.Tokens(Name).Count();

    [Benchmark]
    public int NameTerms() => PatientFormats.NameTerms(Name, null).Count;
}

/// <summary>Mobile normalisation against parsing the digits as a number.</summary>
[MemoryDiagnoser]
public class MobileBenchmark
{
    [Params("9876543210", "+91 98765 43210", "098765-43210")]
    public string Input { get; set; } = "";

    [Benchmark(Baseline = true)]
    public bool ParseDigits() => long.TryParse(Input, out _);

    [Benchmark]
    public bool NormalizeMobile() => PatientFormats.NormalizeMobile(Input) is not null;
}
