namespace SpasmCare.Bench;

/// <summary>Paths inside the repository, found by walking up to SpasmCare.slnx.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Results => Path.Combine(Root, "bench", "results");

    public static string Docs => Path.Combine(Root, "docs", "benchmarks.md");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SpasmCare.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the SpasmCare repository.");
    }
}
