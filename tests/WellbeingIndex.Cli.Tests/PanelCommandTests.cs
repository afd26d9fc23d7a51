using System.Globalization;

namespace WellbeingIndex.Cli.Tests;

/// <summary>compute over time (--time, --impute-panel, --table), trends, and a framework's span.</summary>
public sealed class PanelCommandTests : IDisposable
{
    // A improves on both indicators (x 10 → 15, y 5 → 4, lower y is better); B and C improve more. C has no x in 2021.
    private const string IData = """
        uCode,uName,Time,x,y,pop
        A,Alpha,2020,10,5,1
        B,Beta,2020,20,3,1
        C,Gamma,2020,30,1,2
        A,Alpha,2021,15,4,1
        B,Beta,2021,40,2,1
        C,Gamma,2021,,0,2
        """;

    private const string IMeta = """
        Level,iCode,iName,Direction,Weight,Parent,Type
        1,x,Ex,1,1,index,Indicator
        1,y,Why,-1,1,index,Indicator
        2,index,Index,,1,,Aggregate
        ,pop,Population,,,,Denominator
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("wellbeing-panel-").FullName;
    private readonly string _idata;
    private readonly string _imeta;

    public PanelCommandTests()
    {
        _idata = Path.Combine(_folder, "iData_p.csv");
        _imeta = Path.Combine(_folder, "iMeta.csv");
        File.WriteAllText(_idata, IData);
        File.WriteAllText(_imeta, IMeta);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pooled_writes_one_row_per_area_and_period()
    {
        var (code, stdout, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "pooled");

        Assert.True(code == 0, stderr);
        var rows = Lines(stdout);
        Assert.Equal("uCode,uName,Time,x,y,index,Rank,Decile,Quintile", rows[0]);
        Assert.Equal(7, rows.Count);
        // Pooled x over {10, 20, 30, 15, 40}: min 10, max 40 → A 2020 0, A 2021 (15 − 10)/30·100 = 16.667.
        // Pooled v = −y over {−5, −3, −1, −4, −2, 0}: A 2020 0, A 2021 20. index A 2021 = (16.667 + 20)/2 = 18.333.
        var a2021 = rows.Single(r => r.StartsWith("A,Alpha,2021,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(50.0 / 3, Number(a2021[3]), 9);
        Assert.Equal(20, Number(a2021[4]), 9);
        Assert.Equal((50.0 / 3 + 20) / 2, Number(a2021[5]), 9);
        Assert.Equal("0", rows.Single(r => r.StartsWith("A,Alpha,2020,", StringComparison.Ordinal)).Split(',')[5]);
    }

    [Fact]
    public async Task Base_period_and_the_raw_table()
    {
        var (code, stdout, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "base=2020", "--table", "normalised");

        Assert.True(code == 0, stderr);
        var rows = Lines(stdout);
        Assert.Equal("uCode,uName,Time,x,y", rows[0]);
        // Base 2020 x 10..30: B 2021 (40 − 10)/20·100 = 150 (not truncated); C 2021 x missing → empty cell.
        Assert.Equal("B,Beta,2021,150,75", rows[5]);
        Assert.Equal("C,Gamma,2021,,125", rows[6]);

        (code, stdout, _) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "per-period", "--table", "raw");
        Assert.Equal(0, code);
        Assert.Equal("A,Alpha,2021,15,4", Lines(stdout)[4]);
    }

    [Fact]
    public async Task Panel_imputation_fills_over_time_before_the_other_steps()
    {
        var json = Path.Combine(_folder, "out.json");
        var (code, _, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "pooled", "--impute-panel", "latest",
            "--impute-panel-param", "max_time=1", "--out", json);

        Assert.True(code == 0, stderr);
        var doc = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(json));
        // C's 2021 x comes from 2020 (30).
        var cell = doc["imputedOverTime"]!.Single();
        Assert.Equal(("C", "x", "2021", 30.0, "latest", "2020"),
            ((string)cell["area"]!, (string)cell["indicator"]!, (string)cell["period"]!, (double)cell["value"]!, (string)cell["method"]!, (string)cell["from"]![0]!));
        Assert.Equal("pooled", (string)doc["time"]!["mode"]!);

        var (_, stdout, _) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "pooled", "--impute-panel", "latest", "--table", "imputed");
        Assert.Equal("C,Gamma,2021,30,0", Lines(stdout)[6]);
    }

    [Fact]
    public async Task Trends_prints_cagr_per_area_and_node()
    {
        var (code, stdout, stderr) = await Run("trends", "--idata", _idata, "--imeta", _imeta, "--time", "pooled", "--table", "raw", "--from", "2020", "--to", "2021");

        Assert.True(code == 0, stderr);
        var rows = Lines(stdout);
        Assert.Equal("uCode,node,first_period,last_period,first,last,points,cagr", rows[0]);
        // Raw x of B: 20 → 40 in one year → CAGR 1. C has one x: no CAGR.
        Assert.Equal("B,x,2020,2021,20,40,2,1", rows.Single(r => r.StartsWith("B,x,", StringComparison.Ordinal)));
        Assert.Equal("C,x,2020,,30,,1,", rows.Single(r => r.StartsWith("C,x,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(new[] { "--time", "global" }, "must be per-period, pooled or base=PERIOD")]
    [InlineData(new[] { "--time", "pooled", "--impute-panel", "spline" }, "--impute-panel 'spline' must be one of")]
    [InlineData(new[] { "--time", "pooled", "--table", "everything" }, "--table 'everything' must be one of")]
    [InlineData(new[] { "--time", "pooled", "--base-weights", "pop" }, "--base-weights needs --time base=PERIOD")]
    [InlineData(new[] { "--time", "pooled", "--period", "2020" }, "apply to one period")]
    public async Task Usage_errors_exit_2(string[] extra, string message)
    {
        var (code, _, stderr) = await Run(["compute", "--idata", _idata, "--imeta", _imeta, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, Lines(stderr).Single());
    }

    [Fact]
    public async Task Data_errors_exit_1_with_one_line()
    {
        var (code, _, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "base=2015");
        Assert.Equal(1, code);
        Assert.Contains("base period 2015 is not in the data (periods: 2020, 2021)", Lines(stderr).Single());

        (code, _, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "pooled", "--table", "denominated");
        Assert.Equal(1, code);
        Assert.Contains("the run kept no 'denominated' table (kept: raw, normalised, aggregated)", Lines(stderr).Single());

        (code, _, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta);
        Assert.Equal(1, code);
        Assert.Contains("several periods", Lines(stderr).Single());
    }

    [Fact]
    public async Task Base_weights_come_from_an_idata_column()
    {
        var (code, stdout, stderr) = await Run("compute", "--idata", _idata, "--imeta", _imeta, "--time", "base=2020", "--base-weights", "pop",
            "--normalise", "zscore", "--normalise-param", "m=100", "--normalise-param", "s=10", "--table", "normalised");

        Assert.True(code == 0, stderr);
        // Weights 1, 1, 2 on 2020 x 10, 20, 30: mean 22.5, sd √110 (reliability weights). A 2021: 100 + 10·(15 − 22.5)/√110.
        Assert.Equal(100 + 10 * (15 - 22.5) / Math.Sqrt(110), Number(Lines(stdout)[4].Split(',')[3]), 9);
    }

    [Fact]
    public async Task The_london_framework_over_a_span_of_years()
    {
        var (code, stdout, stderr) = await Run("compute", "--framework", "london", "--time", "pooled", "--from", "2022", "--to", "2024");

        Assert.True(code == 0, stderr);
        var rows = Lines(stdout);
        Assert.Equal(1 + 33 * 3, rows.Count);
        Assert.Equal(["2022", "2023", "2024"], rows.Skip(1).Select(r => r.Split(',')[2]).Distinct());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}
