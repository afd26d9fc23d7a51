namespace WellbeingIndex.Providers;

/// <summary>
/// Where the published data files are. They live beside the repository, never in it, so the default is found from the
/// repository root rather than from the working directory a host happens to start in.
/// </summary>
public static class DataDirectory
{
    /// <summary>The environment variable that overrides the default.</summary>
    public const string EnvironmentVariable = "WELLBEING_DATA_DIR";

    private const string SolutionFile = "WellbeingIndex.sln";

    /// <summary>
    /// <paramref name="configured"/> when given (it must exist); otherwise <c>../shared/data</c> next to the folder holding
    /// WellbeingIndex.sln, found by walking up from the current directory and from the application's base directory.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither is found; the message says where it looked.</exception>
    public static string Resolve(string? configured) =>
        Resolve(configured, [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    internal static string Resolve(string? configured, IReadOnlyList<string> startDirectories)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"The data directory {full} (from {EnvironmentVariable} or configuration) does not exist.");
        }

        var looked = new List<string>();
        foreach (var start in startDirectories.Distinct())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    continue;
                }

                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (Directory.Exists(data))
                {
                    return data;
                }

                looked.Add(data);
                break;
            }
        }

        throw new DirectoryNotFoundException(looked.Count == 0
            ? $"No data directory: {EnvironmentVariable} is not set and no folder above {string.Join(" or ", startDirectories.Distinct())} holds {SolutionFile}."
            : $"No data directory: {EnvironmentVariable} is not set and {string.Join(" / ", looked.Distinct())} does not exist.");
    }

    /// <summary><see cref="Resolve(string?)"/> with the value of <see cref="EnvironmentVariable"/>.</summary>
    public static string FromEnvironment() => Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable));
}
