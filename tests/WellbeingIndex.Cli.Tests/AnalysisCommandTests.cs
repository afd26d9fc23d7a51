using System.Globalization;

namespace WellbeingIndex.Cli.Tests;

/// <summary><c>--denominate</c>, <c>--screen</c>, <c>audit</c> and <c>sensitivity</c> on a five-area COINr pair.</summary>
public sealed class AnalysisCommandTests : IDisposable
{
    private const string IData = """
        uCode,uName,Group_Region,pop,jobs,pay,crime,trees
        E1,One,North,10,70,410,80,12
        E2,Two,North,20,64,520,95,30
        E3,Three,South,40,75,480,60,
        E4,Four,South,20,58,610,,
        E5,Five,South,50,80,450,70,41
        """;

    private const string IMeta = """
        Level,iCode,iName,Direction,Weight,Parent,Type,Denominator
        1,jobs,Employment,1,1,economy,Indicator,pop
        1,pay,Median pay,1,1,economy,Indicator,
        1,crime,Crime rate,-1,1,environment,Indicator,
        1,trees,Tree cover,1,2,environment,Indicator,
        2,economy,Economy,,1,index,Aggregate,
        2,environment,Environment,,1,index,Aggregate,
        3,index,Index,,1,,Aggregate,
        ,Group_Region,Region,,,,Group,
        ,pop,Population,,,,Denominator,
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("wellbeing-cli-analysis-").FullName;
    private readonly string _idata;
    private readonly string _imeta;

    public AnalysisCommandTests()
    {
        _idata = Path.Combine(_folder, "iData.csv");
        _imeta = Path.Combine(_folder, "iMeta.csv");
        File.WriteAllText(_idata, IData);
        File.WriteAllText(_imeta, IMeta);
    }

    [Fact]
    public async Task Denominate_and_screen_flags_run_in_COINr_order()
    {
        var (code, stdout, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--denominate", "--screen", "byNA", "--screen-param", "dat_thresh=0.75");

        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // E4 has 2 of 4 indicators (0.5 < 0.75): screened out; E3 has 3 of 4 (0.75): kept.
        Assert.Equal(5, rows.Length);   // header + E1, E2, E3, E5
        Assert.DoesNotContain(rows, r => r.StartsWith("E4,", StringComparison.Ordinal));
        // jobs per head: 70/10 = 7, 64/20 = 3.2, 75/40 = 1.875, 80/50 = 1.6 → min-max: E1 100, E5 0.
        var e1 = rows[1].Split(',');
        Assert.Equal(100, double.Parse(e1[2], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public async Task A_bad_screen_rule_is_a_usage_error()
    {
        var (code, _, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--screen", "byNAs");
        Assert.Equal(2, code);
        Assert.Contains("--screen 'byNAs' must be byNA, byzeros or byNAandzeros", stderr);
    }

    [Fact]
    public async Task Audit_writes_the_five_tables_and_two_plots()
    {
        var outDir = Path.Combine(_folder, "audit");
        var (code, stdout, stderr) = await Run("audit", "--idata", _idata, "--imeta", _imeta, "--impute", "mean", "--out", outDir);

        Assert.True(code == 0, stderr);
        foreach (var file in new[] { "stats.csv", "correlations.csv", "cronbach.csv", "pca.csv", "effective_weights.csv", "correlation_heatmap.png", "distributions.png" })
        {
            Assert.True(new FileInfo(Path.Combine(outDir, file)).Length > 0, file);
            Assert.Contains(file, stdout);
        }

        // PNG signature.
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(Path.Combine(outDir, "distributions.png")).Take(4).ToArray());
        // trees has weight 2 of 3 in environment, which has 1/2 of the index: 1/3.
        var trees = File.ReadLines(Path.Combine(outDir, "effective_weights.csv")).Single(l => l.StartsWith("trees,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(1.0 / 3, double.Parse(trees[3], CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public async Task Sensitivity_writes_rank_intervals_and_Sobol_indices()
    {
        var outDir = Path.Combine(_folder, "sa");
        var (code, stdout, stderr) = await Run("sensitivity", "--idata", _idata, "--imeta", _imeta, "--impute", "mean",
            "--uncertain", "weights:0.25", "--uncertain", "aggregate:amean,min", "--uncertain", "normalise:minmax,prank",
            "--runs", "50", "--sobol", "--out", outDir);

        Assert.True(code == 0, stderr);
        // 4 inputs (weights at levels 1 and 2, aggregate, normalise): N·(d + 2) = 50·6 = 300 runs.
        Assert.Contains("300 runs", stdout);
        var sobol = File.ReadAllLines(Path.Combine(outDir, "sobol.csv"));
        Assert.Equal("input,S,S_p05,S_p95,ST,ST_p05,ST_p95", sobol[0]);
        Assert.Equal(["weights L1", "weights L2", "aggregate", "normalise"], sobol.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        Assert.Equal(6, File.ReadAllLines(Path.Combine(outDir, "rank_intervals.csv")).Length);
        Assert.True(File.Exists(Path.Combine(outDir, "rank_intervals.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "sobol_indices.png")));
    }

    [Fact]
    public async Task An_unknown_uncertain_input_is_one_line_with_exit_code_1()
    {
        var (code, _, stderr) = await Run("sensitivity", "--idata", _idata, "--imeta", _imeta, "--uncertain", "colour:red", "--out", Path.Combine(_folder, "x"));
        Assert.Equal(1, code);
        Assert.StartsWith("error: --uncertain 'colour:red': unknown input 'colour'", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
