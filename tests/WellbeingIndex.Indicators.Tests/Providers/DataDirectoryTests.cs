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
    public void Without_configuration_it_is_shared_data_beside_the_folder_holding_the_solution()
    {
        // <tmp>/repo/WellbeingIndex.sln and <tmp>/shared/data, searched from <tmp>/repo/bin/Debug.
        using var tmp = new TempDataDirectory();
        var repo = Directory.CreateDirectory(Path.Combine(tmp.Path, "repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "WellbeingIndex.sln"), "");
        var start = Directory.CreateDirectory(Path.Combine(repo, "bin", "Debug")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(tmp.Path, "elsewhere")).FullName;

        var e = Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.Resolve(null, [start]));
        Assert.Contains($"{Path.Combine(tmp.Path, "shared", "data")} does not exist", e.Message);

        var data = Directory.CreateDirectory(Path.Combine(tmp.Path, "shared", "data")).FullName;
        Assert.Equal(data, DataDirectory.Resolve(null, [outside, start]));
        Assert.Equal(data, DataDirectory.Resolve(" ", [start]));

        var none = Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.Resolve(null, [outside]));
        Assert.Contains($"no folder above {outside} holds WellbeingIndex.sln", none.Message);
    }
}
