namespace WellbeingIndex.Functions.Tests;

/// <summary>Locations in the repository, found from the test assembly by walking up to the solution file.</summary>
internal static class RepoPaths
{
    public static readonly string Root = FindRoot();

    public static string Functions => Path.Combine(Root, "functions");

    /// <summary>A file in a product project's build output of the configuration these tests were built in.</summary>
    public static string BuildOutput(string project, string file)
    {
        // tests/<Project>/bin/<Configuration>/net10.0/ -> <project>/bin/<Configuration>/net10.0/<file>
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Root, project, "bin", output.Parent!.Name, output.Name, file);
    }

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
