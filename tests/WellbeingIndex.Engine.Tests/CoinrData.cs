namespace WellbeingIndex.Engine.Tests;

/// <summary>COINr's example inputs (../shared/coinr beside the repository). Their absence fails the tests that use them.</summary>
internal static class CoinrData
{
    public static string Folder { get; } = Find();

    public static string IData => Path.Combine(Folder, "ASEM_iData.csv");

    public static string IMeta => Path.Combine(Folder, "ASEM_iMeta.csv");

    private static string Find()
    {
        // Beside the data directory when WELLBEING_DATA_DIR names one (it must then be there: no silent fallback).
        if (Environment.GetEnvironmentVariable("WELLBEING_DATA_DIR") is { Length: > 0 } data)
        {
            var beside = Path.GetFullPath(Path.Combine(data, "..", "coinr"));
            return Directory.Exists(beside)
                ? beside
                : throw new InvalidOperationException($"COINr's example data is not at {beside} (beside WELLBEING_DATA_DIR = {data}); these tests check against it.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WellbeingIndex.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "coinr"));
                return Directory.Exists(folder)
                    ? folder
                    : throw new InvalidOperationException($"COINr's example data is not at {folder}; these tests check against it.");
            }
        }

        throw new InvalidOperationException("No WellbeingIndex.sln above the test binaries: cannot find ../shared/coinr.");
    }
}
