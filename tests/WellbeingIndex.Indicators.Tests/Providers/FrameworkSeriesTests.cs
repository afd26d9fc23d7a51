using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Providers;

public class FrameworkSeriesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 14, 0);
    private static readonly Lazy<ProviderCatalog> BuiltIn = new(() => ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]));
    private static Framework London => FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london");
    private static FrameworkRunner Runner => new(BuiltIn.Value, new Clock());

    [Fact]
    public async Task Every_period_keeps_each_value_at_its_own_reference_period()
    {
        var series = await Runner.ComputeSeriesAsync(London, Year(2020), Year(2023), TimeDefinition.Pooled);

        Assert.Equal([Year(2020), Year(2021), Year(2022), Year(2023)], series.Result.Periods.ToArray());
        Assert.Equal(TimeMode.Pooled, series.Result.Time.Mode);
        Assert.Equal(Now, series.ComputedAt);
        // "Latest at or before P": in 2021 pay is still 2019's, affordability is 2021's.
        Assert.All(series.Values[1]["pay"], v => Assert.Equal(Year(2019), v.Period));
        Assert.All(series.Values[1]["affordability"].Where(v => v.Value is not null), v => Assert.Equal(Year(2021), v.Period));
        Assert.All(series.Result.Results, r => Assert.Equal(33, r.AreaCodes.Length));
    }

    [Fact]
    public async Task A_borough_whose_raw_indicators_all_improved_gets_a_higher_comparable_score()
    {
        var series = await Runner.ComputeSeriesAsync(London, Year(2020), Year(2023), TimeDefinition.Pooled);
        var (before, after) = (series.Result.Results[0], series.Result.Results[3]);
        var indicators = London.Definition.Indicators;

        // Boroughs whose every raw indicator is at least as good in 2023 as in 2020 (by its direction) and one strictly better,
        // read from the raw tables: pooled min-max and means are monotone, so their index must rise.
        var improved = Enumerable.Range(0, 33).Where(i => indicators.All(n => Better(n, i) >= 0) && indicators.Any(n => Better(n, i) > 0)).ToList();
        Assert.NotEmpty(improved);
        foreach (var i in improved)
        {
            Assert.True(after.Index.Scores[i] > before.Index.Scores[i],
                $"{after.AreaCodes[i]}: every raw indicator improved, index {before.Index.Scores[i]} → {after.Index.Scores[i]}");
        }

        int Better(NodeDefinition n, int i)
        {
            var (x0, x1) = (before.Table(ResultTable.Raw).Column(n.Code)[i], after.Table(ResultTable.Raw).Column(n.Code)[i]);
            return double.IsNaN(x0) || double.IsNaN(x1) ? -1 : Math.Sign((x1 - x0) * n.Direction);
        }
    }

    [Fact]
    public void A_span_steps_by_years_or_months()
    {
        Assert.Equal(["2019/20", "2020/21"], FrameworkRunner.Span(ReferencePeriod.Parse("2019/20"), ReferencePeriod.Parse("2020/21")).Select(p => p.ToString()));
        Assert.Equal(["2022-11", "2022-12", "2023-01"], FrameworkRunner.Span(ReferencePeriod.Parse("2022-11"), ReferencePeriod.Parse("2023-01")).Select(p => p.ToString()));
        Assert.Throws<ArgumentException>(() => FrameworkRunner.Span(Year(2023), Year(2020)));
        Assert.Throws<ArgumentException>(() => FrameworkRunner.Span(Year(2020), ReferencePeriod.Parse("2021/22")));
    }

    private sealed class Clock : IClock
    {
        public Instant GetCurrentInstant() => Now;
    }
}
