using NodaTime;
using Snapshooter.Xunit;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Providers;

/// <summary>
/// The London framework's whole result table at 2022 from the real files, reviewed once and kept: any change to a
/// provider's parsing, the framework or a method shows up as a diff. Values are rounded to 6 places.
/// </summary>
public class LondonFrameworkSnapshotTests
{
    [Fact]
    public async Task London_2022_result_table()
    {
        var runner = new FrameworkRunner(ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]), SystemClock.Instance);
        var run = await runner.ComputeAsync(FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london"), Year(2022));

        var result = run.Result;
        Snapshot.Match(result.AreaCodes.Select((code, i) => new
        {
            code,
            name = result.AreaNames[i],
            raw = run.Values.ToDictionary(v => v.Key, v => v.Value[i].Value is { } x ? Math.Round(x, 6) : (double?)null),
            scores = result.Scores.ToDictionary(s => s.Code, s => double.IsNaN(s.Scores[i]) ? (double?)null : Math.Round(s.Scores[i], 6)),
            rank = result.Index.Ranks[i],
            decile = result.Index.Deciles[i],
        }));
    }
}
