using System.Globalization;

namespace WellbeingIndex.Cli.Tests;

public sealed class InequalityCommandTests
{
    [Fact]
    public async Task IMD_district_summary_of_the_City_of_London_by_hand()
    {
        // No --higher-is-worse: imd2025.json's "higherIsWorse": true is the default.
        var (code, stdout, stderr) = await Run("inequality", "--framework", "imd2025", "--by", "la");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(297, lines.Length);  // header + 296 districts (2024 codes)
        var Cell = CityCell(stdout);

        // Six 2021 LSOAs, Census 2021 populations 1474, 1386, 1612, 1101, 1620, 1395 = 8588, with published IMD
        // scores 8.742, 4.722, 9.25, 19.884, 9.682, 9.196 and ranks 26525, 31203, 25913, 14807, 25325, 25966 (File 7
        // lines 2, 10, 18, 26, 248466, 248474). The rebuilt scores are within 0.001 of the published ones.
        // mean = (1474·8.742 + 1386·4.722 + 1612·9.25 + 1101·19.884 + 1620·9.682 + 1395·9.196)/8588 = 84746.944/8588 = 9.8680657
        Assert.Equal((6.0, 8588.0), (Cell("areas"), Cell("population")));
        Assert.Equal(9.8680657, Cell("mean"), 0.001);
        // average rank of reversed ranks 33756 − r = 7231, 2553, 7843, 18949, 8431, 7790:
        // (1474·7231 + 1386·2553 + 1612·7843 + 1101·18949 + 1620·8431 + 1395·7790)/8588 = 72227987/8588 = 8410.3385
        Assert.Equal(8410.3385, Cell("iod_average_rank"), 4);
        // no LSOA ranked within 33755·0.3 = 10126.5: proportion in the worst tenth 0, extent 0.
        Assert.Equal((0.0, 0.0), (Cell("iod_proportion_most_deprived_10pc"), Cell("iod_extent")));
        // 10 % of 8588 = 858.8 people, all in the most deprived LSOA (rank 14807, 1101 people): 33756 − 14807 = 18949.
        Assert.Equal(18949, Cell("iod_local_concentration"), 6);
    }

    [Fact]
    public async Task Higher_is_worse_false_overrides_the_definition_and_reverses_the_national_ranks()
    {
        var (code, stdout, stderr) = await Run("inequality", "--framework", "imd2025", "--by", "la", "--higher-is-worse", "false");
        Assert.True(code == 0, stderr);
        // Read as wellbeing, the least deprived LSOA ranks first: each reversed rank 33756 − r' is now the published
        // rank r itself (33,755 scores, no ties). (1474·26525 + 1386·31203 + 1612·25913 + 1101·14807 + 1620·25325
        // + 1395·25966)/8588 = 217668541/8588 = 25345.6615 (and 8410.3385 + 25345.6615 = 33756, as it must).
        Assert.Equal(25345.6615, CityCell(stdout)("iod_average_rank"), 4);
    }

    /// <summary>A column of the City of London's (E09000001) line of the CSV.</summary>
    private static Func<string, double> CityCell(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var city = lines.Single(l => l.StartsWith("E09000001,", StringComparison.Ordinal)).Split(',');
        return name => double.Parse(city[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Bad_places_and_non_small_area_frameworks_are_one_line_errors()
    {
        var (code, _, stderr) = await Run("inequality", "--framework", "england-lsoa", "--by", "borough");
        Assert.Equal((2, "error: --by 'borough' must be la, region or england."), (code, stderr.Trim()));

        (code, _, stderr) = await Run("inequality", "--framework", "london");
        Assert.Equal(1, code);
        Assert.StartsWith("error: Area 'E09000001' of framework 'london' is not a 2021 LSOA in England", stderr.Trim());

        (code, _, stderr) = await Run("inequality", "--framework", "imd2025", "--node", "wealth");
        Assert.Equal(1, code);
        Assert.StartsWith("error: No node 'wealth' in framework 'imd2025'. Nodes: imd, income,", stderr.Trim());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
