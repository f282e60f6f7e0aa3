namespace SpasmCare.BrowserTests.Infrastructure;

/// <summary>Folders of the repository the tests were built from (found by walking up to SpasmCare.slnx).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Build and test output, ignored by git.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The screenshots the docs show, rewritten by <c>ScreenshotTests</c>.</summary>
    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpasmCare.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SpasmCare.slnx above {AppContext.BaseDirectory}.");
    }
}
