namespace WellbeingIndex.Dashboard.Tests;

/// <summary>Locations in the repository, found from the test assembly by walking up to the solution file.</summary>
internal static class RepoPaths
{
    public static readonly string Root = FindRoot();

    /// <summary>tests/artifacts/ (git-ignored): screenshots and measurements a reviewer looks at.</summary>
    public static string Artifacts => Directory.CreateDirectory(Path.Combine(Root, "tests", "artifacts")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WellbeingIndex.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"WellbeingIndex.sln not found above {AppContext.BaseDirectory}.");
    }
}
