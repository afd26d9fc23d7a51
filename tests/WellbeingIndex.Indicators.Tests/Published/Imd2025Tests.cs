using NodaTime;
using WellbeingIndex.Indicators.Deprivation;
using WellbeingIndex.Providers;
using Xunit.Abstractions;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Published;

/// <summary>
/// The IMD 2025 rebuilt by the framework <c>imd2025</c> from the seven published domain ranks, against the published
/// IMD score (3 decimals) of every one of the 33,755 LSOAs.
/// </summary>
public class Imd2025Tests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_LSOA_within_0_001_of_the_published_IMD_score()
    {
        var framework = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly, data: Context).Get("imd2025");
        Assert.Equal(33_755, framework.Areas.Count);
        Assert.Equal(("E01000001", "City of London 001A"), (framework.Areas[0].Code, framework.Areas[0].Name));

        var runner = new FrameworkRunner(ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]), SystemClock.Instance);
        var run = await runner.ComputeAsync(framework, Year(2025));

        var published = IodLsoaTable.For(Context);
        var scores = run.Result.Index.Scores;
        var ranks = run.Result.Index.Ranks;
        var differences = new double[scores.Length];
        var rankExact = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var imd = published.Find(run.Result.AreaCodes[i], IodDomain.Imd)!.Value;
            differences[i] = Math.Abs(scores[i] - imd.Score);
            rankExact += ranks[i] == imd.Rank ? 1 : 0;
        }

        var within0005 = differences.Count(d => d <= 0.0005);
        output.WriteLine($"max |difference| {differences.Max():F6}; within 0.0005: {within0005} of {scores.Length}; rank equal to the published: {rankExact}");
        Assert.True(differences.Max() <= 0.001, $"max difference {differences.Max()}");
        Assert.True(within0005 >= 0.999 * scores.Length, $"{within0005} of {scores.Length} within 0.0005");

        // The published rounding (3 decimals) is 0.0005 at most; the rest is float noise at the published ties. With
        // scores equal to 3 decimals, ranks can differ only among LSOAs whose published scores tie: 99 % must agree.
        Assert.True(rankExact >= 0.99 * scores.Length, $"{rankExact} ranks equal");
    }
}
