using NodaTime;
using Snapshooter.Xunit;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Providers;

/// <summary>
/// The england-lsoa framework end to end on the real files, and its inequality within London's 33 boroughs as a
/// reviewed snapshot (rounded to 6 places).
/// </summary>
public class EnglandLsoaFrameworkTests
{
    private static readonly Lazy<Task<FrameworkRun>> Run = new(async () =>
    {
        var runner = new FrameworkRunner(ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]), SystemClock.Instance);
        var framework = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly, data: Context).Get("england-lsoa");
        return await runner.ComputeAsync(framework, await runner.LatestPeriodAsync(framework, default));
    });

    [Fact]
    public async Task Computes_all_33755_LSOAs_at_2025_with_each_value_dated()
    {
        var run = await Run.Value;
        Assert.Equal(Year(2025), run.Period);
        Assert.Equal(33_755, run.Result.AreaCodes.Length);
        Assert.All(run.Result.Index.Scores.ToArray(), s => Assert.True(double.IsFinite(s)));
        // E01000001 (first area): overcrowding 100·26/840 = 3.0952381 dated Census day; fuel poverty 4.961 dated 2022
        // (line 120221 of the DESNZ LSOA table); IoD income rate 0.013 dated 2025 (line 3 of File 7).
        Assert.Equal("E01000001", run.Values["overcrowding"][0].AreaCode);
        Assert.Equal(3.0952381, run.Values["overcrowding"][0].Value!.Value, 7);
        Assert.Equal(ReferencePeriod.ForDate(new LocalDate(2021, 3, 21)), run.Values["overcrowding"][0].Period);
        Assert.Equal(new IndicatorValue("E01000001", 4.961, Year(2022), ValueStatus.Ok), run.Values["fuel-poverty"][0]);
        Assert.Equal(new IndicatorValue("E01000001", 0.013, Year(2025), ValueStatus.Ok), run.Values["income-deprivation"][0]);
        // 100 + 10 z standardisation: every indicator's normalised mean over England is 100.
        Assert.Equal(100, run.Result.Table("normalised").Column("crime").ToArray().Average(), 9);
    }

    [Fact]
    public async Task London_boroughs_inequality_snapshot()
    {
        var rollup = PlaceRollup.Compute(await Run.Value, "england-lsoa", PlaceLevel.LocalAuthority, Context, threshold: 90);
        var london = rollup.Places.Where(p => p.Place.StartsWith("E09", StringComparison.Ordinal)).ToList();
        Assert.Equal(33, london.Count);
        static double? R(double? v) => v is { } x ? Math.Round(x, 6) : null;
        Snapshot.Match(london.Select(p => new
        {
            code = p.Place,
            name = rollup.Names[p.Place],
            p.Areas,
            population = p.Weight,
            mean = R(p.Mean),
            lowestFifth = R(p.LowestFifth),
            highestFifth = R(p.HighestFifth),
            fifthGap = R(p.FifthGap),
            gini = R(p.Gini),
            atkinson05 = R(p.Atkinson05),
            atkinson1 = R(p.Atkinson1),
            adjusted05 = R(p.AdjustedMean05),
            adjusted1 = R(p.AdjustedMean1),
            shareBelow90 = R(p.ShareBelow),
            averageRank = R(p.AverageRank),
            mostDeprivedTenth = R(p.ProportionMostDeprivedTenth),
            extent = R(p.Extent),
            localConcentration = R(p.LocalConcentration),
            p.Note,
        }));
    }
}
