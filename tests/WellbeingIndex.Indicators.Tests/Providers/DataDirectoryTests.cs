using WellbeingIndex.Providers;

namespace WellbeingIndex.Indicators.Tests.Providers;

public class DataDirectoryTests
{
    [Fact]
    public void A_configured_directory_wins_and_must_exist()
    {
        using var dir = new TempDataDirectory();
        Assert.Equal(dir.Path, DataDirectory.Resolve(dir.Path + "/sub/.."));

        var missing = Path.Combine(dir.Path, "nope");
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.Resolve(missing));
        Assert.Equal($"The data directory {missing} (from WELLBEING_DATA_DIR or configuration) does not exist.", e.Message);
    }

    [Fact]
    public void Without_configuration_it_is_shared_data_beside_the_repository_root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "WellbeingIndex.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("tests run outside the repository");
        }

        var expected = Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "data"));
        Assert.True(Directory.Exists(expected), $"the real data is expected at {expected} (or set WELLBEING_DATA_DIR)");
        Assert.Equal(expected, DataDirectory.Resolve(null));
        Assert.Equal(expected, DataDirectory.Resolve(" "));
    }
}
