using System.Globalization;
using Newtonsoft.Json.Linq;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Cli.Tests;

/// <summary>
/// <c>wellbeing publish</c> to Table Storage (Azurite) and <c>wellbeing runs latest</c> reading it back: the published
/// scores are the ones the framework runner computes for the same period, after the round trip through the tables.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishCommandTests(AzuriteFixture azurite)
{
    private static string Prefix() => "Cli" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Unreachable_storage_is_one_line_on_stderr_and_exit_1()
    {
        var (code, stdout, stderr) = await Run("runs", "latest", "--framework", "london", "--tables", AzuriteProcess.UnreachableConnectionString());
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith("error: Table Storage could not be reached: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_then_runs_latest_reads_the_same_run_back_as_summary_csv_and_json()
    {
        var prefix = Prefix();
        var (code, stdout, stderr) = await Run("publish", "--framework", "london", "--period", "2022", "--tables", azurite.ConnectionString, "--table-prefix", prefix);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("published london 2022 as run 2022-", stdout);
        var runId = stdout.Split(' ')[5].TrimEnd(':');

        var expected = await new FrameworkRunner(
                ProviderCatalog.Discover(new ProviderContext(DataDirectory.FromEnvironment()), [BuiltInIndicators.Assembly]), SystemClock.Instance)
            .ComputeAsync(FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london"), ReferencePeriod.ForCalendarYear(2022));
        var index = expected.Result.Index;

        (code, stdout, stderr) = await Run("runs", "latest", "--framework", "london", "--tables", azurite.ConnectionString, "--table-prefix", prefix);
        Assert.True(code == 0, stderr);
        var summary = Lines(stdout);
        Assert.Equal($"london run {runId}: period 2022, 33 areas, 21 indicators", summary[0]); // the London measure: 8 domains, 21 indicators
        Assert.Equal(3 + 33, summary.Count); // run line, times line, column heads, one line per borough
        var best = Enumerable.Range(0, index.Scores.Length).Single(i => index.Ranks[i] == 1);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"   1  {index.Scores[best],-10:0.00} {expected.Result.AreaCodes[best]} {expected.Result.AreaNames[best]}"),
            summary[3]);

        (code, stdout, _) = await Run("runs", "latest", "--framework", "london", "--tables", azurite.ConnectionString, "--table-prefix", prefix, "--format", "csv");
        Assert.Equal(0, code);
        var rows = Lines(stdout);
        Assert.Equal(1 + 33, rows.Count);
        var header = rows[0].Split(',');
        Assert.Equal(["area_code", "area_name", index.Code, $"{index.Code}_rank"], header[..4]);
        for (var i = 0; i < expected.Result.AreaCodes.Length; i++)
        {
            var cells = rows[1 + i].Split(',');
            Assert.Equal(expected.Result.AreaCodes[i], cells[0]);
            if (double.IsNaN(index.Scores[i]))
            {
                // An area the London measure cannot score (too few of its 21 indicators) is published missing: empty cells.
                Assert.Equal(0, index.Ranks[i]);
                Assert.Equal(["", ""], cells[2..4]);
                continue;
            }

            Assert.Equal(index.Scores[i], double.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(index.Ranks[i], int.Parse(cells[3], CultureInfo.InvariantCulture));
        }

        (code, stdout, _) = await Run("runs", "latest", "--framework", "london", "--tables", azurite.ConnectionString, "--table-prefix", prefix, "--format", "json");
        Assert.Equal(0, code);
        var json = JObject.Parse(stdout);
        Assert.Equal(runId, json["run"]!["runId"]!.Value<string>());
        Assert.Equal(33, json["areas"]!.Count());
    }

    [Fact]
    public async Task Publish_without_a_period_publishes_the_london_series_too_and_it_reads_back_as_computed()
    {
        var prefix = Prefix();
        var (code, stdout, stderr) = await Run("publish", "--framework", "london", "--tables", azurite.ConnectionString, "--table-prefix", prefix);
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("published london series 2022–", lines[1], StringComparison.Ordinal);
        Assert.Contains("(base-period, base 2022)", lines[1], StringComparison.Ordinal);

        var store = new WellbeingIndex.Publication.TableResultStore(azurite.ConnectionString, prefix);
        var series = await store.GetLatestSeriesAsync("london");
        Assert.NotNull(series);
        Assert.Equal(("base-period", "2022", ReferencePeriod.ForCalendarYear(2022)), (series.TimeMode, series.Base, series.From));
        var runner = new FrameworkRunner(
            ProviderCatalog.Discover(new ProviderContext(DataDirectory.FromEnvironment()), [BuiltInIndicators.Assembly]), SystemClock.Instance);
        var london = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london");
        var expected = await runner.ComputeSeriesAsync(london, series.From, series.To);
        var rows = await store.GetSeriesScoresAsync("london", series.SeriesId);
        Assert.Equal(expected.Result.Periods.Length * 33, rows.Count);
        for (var p = 0; p < expected.Result.Periods.Length; p++)
        {
            var index = expected.Result.Results[p].Index;
            for (var i = 0; i < 33; i++)
            {
                var row = rows[(p * 33) + i];
                Assert.Equal((expected.Result.Periods[p], expected.Result.Results[p].AreaCodes[i]), (row.Period, row.AreaCode));
                // A score the engine leaves missing (NaN) is stored as an absent column and read back as null.
                Assert.Equal(double.IsNaN(index.Scores[i]) ? null : index.Scores[i], row[index.Code].Score);
            }
        }
    }

    [Fact]
    public async Task Runs_latest_on_empty_tables_says_nothing_is_published_in_one_line()
    {
        var (code, stdout, stderr) = await Run("runs", "latest", "--framework", "london", "--tables", azurite.ConnectionString, "--table-prefix", Prefix());
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal(["error: nothing has been published for 'london' in these tables yet (wellbeing publish --framework london ...)."], Lines(stderr));
    }

    [Fact]
    public async Task An_unknown_framework_fails_naming_the_known_ones_and_a_missing_tables_option_is_a_usage_error()
    {
        var (code, _, stderr) = await Run("publish", "--framework", "paris", "--tables", azurite.ConnectionString, "--table-prefix", Prefix());
        Assert.Equal(1, code);
        Assert.Contains("london", Assert.Single(Lines(stderr)));

        (code, _, stderr) = await Run("publish", "--framework", "london");
        Assert.Equal(2, code);
        Assert.Contains("--tables", stderr);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}
