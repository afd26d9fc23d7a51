using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Panel;
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
    private static FrameworkRunner Runner => new(BuiltIn.Value, new FakeClock(Now));

    [Fact]
    public async Task Every_period_keeps_each_value_at_its_own_reference_period()
    {
        var series = await Runner.ComputeSeriesAsync(London, Year(2022), Year(2024), TimeDefinition.Pooled);

        Assert.Equal([Year(2022), Year(2023), Year(2024)], series.Result.Periods.ToArray());
        Assert.Equal(TimeMode.Pooled, series.Result.Time.Mode);
        Assert.Equal(Now, series.ComputedAt);
        // "Latest at or before P": in 2023 pay is still 2019's (ASHE file ends 2019), affordability is 2023's.
        Assert.All(series.Values[1]["pay"].Where(v => v.Value is not null), v => Assert.Equal(Year(2019), v.Period));
        Assert.All(series.Values[1]["affordability"].Where(v => v.Value is not null), v => Assert.Equal(Year(2023), v.Period));
        Assert.All(series.Result.Results, r => Assert.Equal(33, r.AreaCodes.Length));
    }

    [Fact]
    public async Task A_borough_whose_raw_indicators_all_improved_gets_a_higher_comparable_score()
    {
        var series = await Runner.ComputeSeriesAsync(London, Year(2022), Year(2024), TimeDefinition.Pooled);
        var (before, after) = (series.Result.Results[0], series.Result.Results[2]);
        var definition = London.Definition;

        // No borough improved on all 21 indicators from 2022 to 2024, so the claim is checked domain by domain: a borough
        // whose every raw indicator in a domain is at least as good in 2024 as in 2022 (by its direction), one strictly
        // better, read from the raw tables, never scores lower in that domain, and strictly higher when the improvement
        // survives treatment (pooled winsorisation clips both years at the same bounds, so an outlier's gain beyond the
        // bound, such as Kensington and Chelsea's affordability, does not move its score). Pooled min-max and means are
        // monotone; per-period min-max could not promise this.
        var (rose, level) = (0, 0);
        foreach (var domain in definition.Nodes.Where(n => n.Type == NodeType.Aggregate && n.Parent == definition.Root.Code))
        {
            var indicators = definition.Indicators.Where(n => n.Parent == domain.Code).ToList();
            foreach (var i in Enumerable.Range(0, 33).Where(i => indicators.All(n => Better(n, i, ResultTable.Raw) >= 0) && indicators.Any(n => Better(n, i, ResultTable.Raw) > 0)))
            {
                var (x0, x1) = (before[domain.Code].Scores[i], after[domain.Code].Scores[i]);
                if (indicators.Any(n => Better(n, i, ResultTable.Treated) > 0))
                {
                    Assert.True(x1 > x0, $"{after.AreaCodes[i]}: every raw indicator of {domain.Code} improved, score {x0} → {x1}");
                    rose++;
                }
                else
                {
                    Assert.Equal(x0, x1, 12);
                    level++;
                }
            }
        }

        Assert.True(rose >= 10, $"only {rose} borough-domain pairs improved throughout ({level} clipped)");

        int Better(NodeDefinition n, int i, string table)
        {
            var (x0, x1) = (before.Table(table).Column(n.Code)[i], after.Table(table).Column(n.Code)[i]);
            return double.IsNaN(x0) || double.IsNaN(x1) ? -1 : Math.Sign((x1 - x0) * n.Direction);
        }
    }

    [Fact]
    public async Task The_publishers_confidence_intervals_decide_whether_a_change_in_well_being_is_a_change()
    {
        // ONS publishes life satisfaction with 95% intervals (2021/22 is used at 2022, 2022/23 at 2023): a change is
        // significant exactly when the two intervals do not overlap, read here from the provider's values.
        var series = await Runner.ComputeSeriesAsync(London, Year(2022), Year(2023), TimeDefinition.Pooled);
        var (before, after) = (series.Values[0]["life-satisfaction"], series.Values[1]["life-satisfaction"]);
        var changes = PanelChanges.Changes(series.Result).Where(c => c.Node == "life-satisfaction" && c.Period == Year(2023))
            .ToDictionary(c => c.AreaCode);
        var judged = 0;
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Value is null || after[i].Value is null)
            {
                Assert.Null(changes[before[i].AreaCode].Significant);
                continue;
            }

            var (a, b) = (before[i].Interval!.Value, after[i].Interval!.Value);
            Assert.Equal(a.Upper < b.Lower || b.Upper < a.Lower, changes[before[i].AreaCode].Significant);
            judged++;
        }

        Assert.Equal(32, judged); // every borough but the City of London ('u', withheld)
    }

    [Fact]
    public void A_span_steps_by_years_or_months()
    {
        Assert.Equal(["2019/20", "2020/21"], FrameworkRunner.Span(ReferencePeriod.Parse("2019/20"), ReferencePeriod.Parse("2020/21")).Select(p => p.ToString()));
        Assert.Equal(["2022-11", "2022-12", "2023-01"], FrameworkRunner.Span(ReferencePeriod.Parse("2022-11"), ReferencePeriod.Parse("2023-01")).Select(p => p.ToString()));
        Assert.Throws<ArgumentException>(() => FrameworkRunner.Span(Year(2023), Year(2020)));
        Assert.Throws<ArgumentException>(() => FrameworkRunner.Span(Year(2020), ReferencePeriod.Parse("2021/22")));
    }
}
