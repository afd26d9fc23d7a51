using NodaTime;
using Snapshooter.Xunit;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Providers;

/// <summary>
/// Each built-in framework's whole result table at its latest period (the 2024/25 Active Lives survey year,
/// 2024-11-16/P1Y) from the real files, reviewed once and kept: any change to a provider's parsing, a framework or a
/// method shows up as a diff. Values are rounded to 6 places. Reviewed: every London score matched an independent
/// computation from the source files to 1e-9; England values checked by hand are in FrameworkRunnerTests.
/// </summary>
public class FrameworkSnapshotTests
{
    private static readonly ReferencePeriod Latest = ReferencePeriod.ForTwelveMonthsFrom(new LocalDate(2024, 11, 16));

    [Fact]
    public async Task London_latest_result_table() => Snapshot.Match(await TableAsync("london"));

    [Fact]
    public async Task England_latest_result_table() => Snapshot.Match(await TableAsync("england-la"));

    private static async Task<object> TableAsync(string id)
    {
        var runner = new FrameworkRunner(ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]), SystemClock.Instance);
        var framework = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get(id);
        Assert.Equal(Latest, await runner.LatestPeriodAsync(framework, CancellationToken.None));
        var run = await runner.ComputeAsync(framework, Latest);

        var result = run.Result;
        return result.AreaCodes.Select((code, i) => new
        {
            code,
            name = result.AreaNames[i],
            raw = run.Values.ToDictionary(v => v.Key, v => v.Value[i].Value is { } x ? Math.Round(x, 6) : (double?)null),
            scores = result.Scores.ToDictionary(s => s.Code, s => double.IsNaN(s.Scores[i]) ? (double?)null : Math.Round(s.Scores[i], 6)),
            rank = result.Index.Ranks[i],
            decile = result.Index.Deciles[i],
        }).ToList();
    }
}
