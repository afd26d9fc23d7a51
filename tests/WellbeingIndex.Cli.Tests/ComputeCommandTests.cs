using System.Globalization;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Cli.Tests;

public sealed class ComputeCommandTests : IDisposable
{
    private const string IData = """
        uCode,uName,Group_Region,jobs,pay,crime,trees
        E1,One,North,70,410,80,12
        E2,Two,North,64,520,95,30
        E3,Three,South,75,480,60,
        E4,Four,South,58,610,120,22
        E5,Five,South,80,450,70,41
        """;

    private const string IMeta = """
        Level,iCode,iName,Direction,Weight,Parent,Type
        1,jobs,Employment rate,1,1,economy,Indicator
        1,pay,Median pay,1,1,economy,Indicator
        1,crime,Crime rate,-1,1,environment,Indicator
        1,trees,Tree cover,1,2,environment,Indicator
        2,economy,Economy,,1,index,Aggregate
        2,environment,Environment,,1,index,Aggregate
        3,index,Index,,1,,Aggregate
        ,Group_Region,Region,,,,Group
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("wellbeing-cli-").FullName;
    private readonly string _idata;
    private readonly string _imeta;
    private readonly string _imetaAllHigherIsBetter;

    public ComputeCommandTests()
    {
        _idata = Path.Combine(_folder, "iData.csv");
        _imeta = Path.Combine(_folder, "iMeta.csv");
        File.WriteAllText(_idata, IData);
        File.WriteAllText(_imeta, IMeta);
        // Ratio methods (fracmax, dist2targ) need positive, higher-is-better values: read crime as a "safety" score here.
        _imetaAllHigherIsBetter = Path.Combine(_folder, "iMeta-positive.csv");
        File.WriteAllText(_imetaAllHigherIsBetter, IMeta.Replace("Crime rate,-1", "Crime rate,1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Computes_min_max_arithmetic_mean_by_default()
    {
        var (code, stdout, _) = await Run("compute", "--idata", _idata, "--imeta", _imeta);

        Assert.Equal(0, code);
        var rows = Csv(stdout);
        Assert.Equal("uCode,uName,jobs,pay,crime,trees,economy,environment,index,Rank,Decile,Quintile", rows[0]);
        // E1 by hand: jobs (70−58)/22·100 = 54.545; pay (410−410)/200 = 0; economy 27.273.
        // crime v = −80 on [−120, −60]: 40/60·100 = 66.667; trees (12−12)/29 = 0; environment (66.667 + 2·0)/3 = 22.222.
        // index (27.273 + 22.222)/2 = 24.747.
        var e1 = rows[1].Split(',');
        Assert.Equal(1200.0 / 22 / 2, Number(e1[6]), 9);
        Assert.Equal(200.0 / 9, Number(e1[7]), 9);
        Assert.Equal((1200.0 / 22 / 2 + 200.0 / 9) / 2, Number(e1[8]), 9);
        // E3 has no trees: environment is crime alone (weights re-normalised): (−60+120)/60·100 = 100.
        Assert.Equal(100, Number(rows[3].Split(',')[7]), 9);
    }

    [Fact]
    public async Task Min_max_onto_the_whole_double_range_writes_only_finite_cells()
    {
        // Issue 13: u − l = 2e308 overflowed and so did the sums of the means above. Every score is now the default
        // one stretched: l + (s/100)·(u − l) = −1e308 + s·2e306; E1's index s = (1200/22/2 + 200/9)/2 (see above).
        var (code, stdout, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--range=-1e308,1e308");

        Assert.True(code == 0, stderr);
        var rows = Csv(stdout);
        Assert.All(rows.Skip(1).SelectMany(r => r.Split(',').Skip(2)), c => Assert.True(c.Length == 0 || double.IsFinite(Number(c)), c));
        Assert.Equal(-1e308 + (1200.0 / 22 / 2 + 200.0 / 9) / 2 * 2e306, Number(rows[1].Split(',')[8]), 1e294);
    }

    public static TheoryData<string, string[]> Normalisations => new()
    {
        { "minmax", ["--range", "1,10"] },
        { "zscore", ["--normalise-param", "m=100", "--normalise-param", "s=10"] },
        { "rank", [] },
        { "prank", [] },
        { "goalposts", ["--normalise-param", "min=0", "--normalise-param", "max=1000"] },
        { "dist2max", [] },
        { "dist2targ", ["--normalise-param", "target=1000"] },
        { "dist2ref", ["--normalise-param", "area=E2"] },
        { "fracmax", [] },
        { "exprank", [] },
    };

    [Theory]
    [MemberData(nameof(Normalisations))]
    public async Task Every_normalisation_matches_the_engine(string method, string[] extra)
    {
        var imeta = method is "fracmax" or "dist2targ" ? _imetaAllHigherIsBetter : _imeta;
        var (code, stdout, stderr) = await Run(["compute", "--idata", _idata, "--imeta", imeta, "--normalise", method, .. extra]);

        Assert.True(code == 0, stderr);
        var spec = method == "minmax" ? MethodSpec.Of("minmax", ("l", 1), ("u", 10)) : Spec(method, extra);
        AssertSameAsEngine(stdout, [new(StepNames.Normalise, spec), new(StepNames.Aggregate, new MethodSpec("amean"))], imeta);
    }

    public static TheoryData<string, string[]> Aggregations => new()
    {
        { "amean", [] }, { "sum", [] }, { "gmean", [] }, { "hmean", [] },
        { "genmean", ["--aggregate-param", "p=2"] }, { "copeland", [] }, { "mpi", [] }, { "min", [] },
    };

    [Theory]
    [MemberData(nameof(Aggregations))]
    public async Task Every_aggregation_matches_the_engine(string method, string[] extra)
    {
        // Min-max onto 1..100 keeps every value positive, as geometric and harmonic means need.
        var (code, stdout, stderr) = await Run(["compute", "--idata", _idata, "--imeta", _imeta, "--range", "1,100", "--aggregate", method, .. extra]);

        Assert.True(code == 0, stderr);
        AssertSameAsEngine(stdout,
            [new(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 1), ("u", 100))), new(StepNames.Aggregate, Spec(method, extra))]);
    }

    [Fact]
    public async Task Imputes_and_treats_when_asked()
    {
        var (code, stdout, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta,
            "--impute", "groupmean", "--impute-param", "group=Group_Region", "--treat", "cap", "--treat-param", "upper=100");

        Assert.True(code == 0, stderr);
        AssertSameAsEngine(stdout,
        [
            new(StepNames.Impute, new MethodSpec("groupmean").WithText("group", "Group_Region")),
            new(StepNames.Treat, MethodSpec.Of("cap", ("upper", 100))),
            new(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 0), ("u", 100))),
            new(StepNames.Aggregate, new MethodSpec("amean")),
        ]);
        // E3's missing trees is the South mean of 22 and 41 = 31.5, so its environment uses trees now.
        Assert.NotEqual(100, Number(Csv(stdout)[3].Split(',')[7]), 6);
    }

    [Fact]
    public async Task A_definition_with_tidy_data_and_json_output()
    {
        var definition = Path.Combine(_folder, "d.json");
        File.WriteAllText(definition, """
            {"id": "tidy", "steps": [{"step": "normalise", "method": "minmax"}, {"step": "aggregate", "method": "amean"}],
             "nodes": [{"code": "a", "type": "indicator", "parent": "i"}, {"code": "b", "type": "indicator", "parent": "i", "direction": -1},
                       {"code": "i", "type": "aggregate", "parent": null}]}
            """);
        var tidy = Path.Combine(_folder, "long.csv");
        File.WriteAllText(tidy, "area_code,indicator,period,value\nX,a,2020,1\nX,b,2020,5\nY,a,2020,3\nY,b,2020,1\nX,a,2021,9\n");
        var json = Path.Combine(_folder, "out.json");

        var (code, _, stderr) = await Run("compute", "--definition", definition, "--tidy", tidy, "--period", "2020", "--out", json);

        Assert.True(code == 0, stderr);
        var areas = (JArray)JObject.Parse(File.ReadAllText(json))["areas"]!;
        // X: a 0, b (v=−5 is the worst) 0 -> 0; Y: a 100, b 100 -> 100.
        Assert.Equal(0, areas[0]!["nodes"]!["i"]!["score"]!.Value<double>());
        Assert.Equal(100, areas[1]!["nodes"]!["i"]!["score"]!.Value<double>());
        Assert.Equal(1, areas[1]!["nodes"]!["i"]!["rank"]!.Value<int>());
    }

    [Fact]
    public async Task Errors_are_one_line_with_a_non_zero_exit()
    {
        var missing = await Run("compute", "--idata", Path.Combine(_folder, "nope.csv"), "--imeta", _imeta);
        Assert.Equal(1, missing.Code);
        Assert.Single(Lines(missing.Stderr));
        Assert.StartsWith("error: ", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("nope.csv", missing.Stderr, StringComparison.Ordinal);

        var unknown = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--normalise", "minmux");
        Assert.Equal(1, unknown.Code);
        Assert.Equal("error: invalid definition: $.steps[0].method: unknown normalise method 'minmux'; known: " +
            string.Join(", ", MethodRegistry.Default.Names<INormaliser>()) + ".", Lines(unknown.Stderr).Single());

        var usage = await Run("compute", "--idata", _idata);
        Assert.Equal(2, usage.Code);
        Assert.Single(Lines(usage.Stderr));

        var range = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--normalise", "rank", "--range", "0,1");
        Assert.Equal(2, range.Code);
        Assert.Contains("--range", range.Stderr, StringComparison.Ordinal);

        // A plug-in folder dir/Name without Name.dll is the user's mistake: one line naming it, not a stack trace.
        var plugins = Directory.CreateDirectory(Path.Combine(_folder, "plugins", "Broken")).Parent!.FullName;
        var plugin = await Run("compute", "--framework", "london", "--plugins", plugins);
        Assert.Equal(1, plugin.Code);
        Assert.Equal("error: the plug-in folder has no Broken.dll: a plug-in folder dir/Name must hold Name.dll. (in " +
            Path.Combine(plugins, "Broken") + ")", Lines(plugin.Stderr).Single());
    }

    [Fact]
    public async Task Uncertainty_adds_rank_intervals()
    {
        var (code, stdout, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--uncertainty", "50", "--weight-noise", "0");

        Assert.True(code == 0, stderr);
        var rows = Csv(stdout);
        Assert.EndsWith(",Rank,Decile,Quintile,RankMedian,RankP05,RankP95", rows[0], StringComparison.Ordinal);
        // With no weight noise every run repeats the nominal run: median and interval are the rank itself.
        Assert.All(rows.Skip(1), r =>
        {
            var c = r.Split(',');
            Assert.Equal(c[^6], c[^3]);
            Assert.Equal(c[^6], c[^2]);
            Assert.Equal(c[^6], c[^1]);
        });
    }

    [Fact]
    public async Task A_computation_error_is_one_line()
    {
        var (code, _, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--normalise", "fracmax");

        Assert.Equal(1, code);
        Assert.Equal("error: fracmax for 'crime': the best value (-60, area 'E3') must be positive.", Lines(stderr).Single());
    }

    [Fact]
    public async Task The_london_framework_computes_from_the_real_data()
    {
        var (code, stdout, stderr) = await Run("compute", "--framework", "london", "--period", "2022");

        Assert.True(code == 0, stderr);
        var rows = Csv(stdout);
        Assert.Equal(34, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("E09", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_framework_at_its_latest_period_states_provenance_caveats_and_intervals()
    {
        var json = Path.Combine(_folder, "london.json");
        var (code, stdout, stderr) = await Run("compute", "--framework", "london", "--out", json);

        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        // The latest period any indicator publishes: Active Lives 16 November 2024 - 15 November 2025 (adult obesity).
        Assert.Equal("london at 2024-11-16/P1Y: 33 areas", lines[0]);
        // OHID publishes Hackney with the City of London (E67000001): the value Hackney gets says so.
        Assert.Contains(lines, l => l.StartsWith("  preventable-cvd-mortality: ", StringComparison.Ordinal)
            && l.Contains("noted 1 (E09000012: OHID publishes Hackney and City of London as one unit (E67000001 \"City of London, Hackney\")", StringComparison.Ordinal));
        var result = Newtonsoft.Json.Linq.JObject.Parse(await File.ReadAllTextAsync(json));
        // ons_aps_personal_wellbeing_la_2011_2023.csv.gz line 13765: E09000033,Westminster,...,2022/23,...,life_satisfaction,7,Score out of 10,6.66,7.34,,
        var westminster = result["indicators"]!["life-satisfaction"]!["values"]!.Single(v => v["area"]!.Value<string>() == "E09000033");
        Assert.Equal((7.0, "2022/23", 6.66, 7.34), (westminster["value"]!.Value<double>(), westminster["period"]!.Value<string>(),
            westminster["lower95"]!.Value<double>(), westminster["upper95"]!.Value<double>()));
    }

    [Fact]
    public async Task The_england_framework_scores_290_districts()
    {
        var (code, stdout, stderr) = await Run("compute", "--framework", "england-la");

        Assert.True(code == 0, stderr);
        var rows = Csv(stdout);
        Assert.Equal(297, rows.Count);
        Assert.EndsWith(",england-la,Rank,Decile,Quintile", rows[0], StringComparison.Ordinal);
        // Names with commas are quoted ("Bristol, City of"), so count from the end: Rank, Decile, Quintile follow the index.
        Assert.Equal(290, rows.Skip(1).Count(r => r.Split(',')[^4].Length > 0));
    }

    private void AssertSameAsEngine(string stdout, StepDefinition[] steps, string? imeta = null)
    {
        var (data, definition) = CoinrInput.Read(_idata, imeta ?? _imeta, steps);
        var expected = IndexPipeline.Run(definition, data);
        var rows = Csv(stdout);
        var header = rows[0].Split(',');
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = rows[r].Split(',');
            foreach (var node in expected.Scores)
            {
                var cell = cells[Array.IndexOf(header, node.Code)];
                var want = node.Scores[r - 1];
                if (double.IsNaN(want))
                {
                    Assert.Equal("", cell);
                }
                else
                {
                    Assert.Equal(want, Number(cell), 12);
                }
            }

            Assert.Equal(expected.Index.Ranks[r - 1].ToString(CultureInfo.InvariantCulture), cells[Array.IndexOf(header, "Rank")]);
        }
    }

    private static MethodSpec Spec(string method, string[] extra)
    {
        var spec = new MethodSpec(method);
        for (var i = 1; i < extra.Length; i += 2)
        {
            var (k, v) = (extra[i].Split('=')[0], extra[i].Split('=')[1]);
            spec = double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? spec.WithNumber(k, n) : spec.WithText(k, v);
        }

        return spec;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<string> Csv(string text) => Lines(text);

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
