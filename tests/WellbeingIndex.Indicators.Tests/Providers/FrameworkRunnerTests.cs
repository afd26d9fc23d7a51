using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Engine;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Providers;

public class FrameworkRunnerTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 17, 0);
    private static readonly Lazy<ProviderCatalog> BuiltIn = new(() => ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]));
    private static Framework London => FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london");
    private static FrameworkRunner Runner => new(BuiltIn.Value, new FakeClock(Now));

    private static readonly ReferencePeriod ActiveLives2024 = ReferencePeriod.ForTwelveMonthsFrom(new LocalDate(2024, 11, 16));

    [Fact]
    public async Task The_latest_period_is_the_latest_any_indicator_publishes()
    {
        // Adult obesity's Active Lives year 16 Nov 2024 - 15 Nov 2025 ends last; crime and child low income end with
        // 2024/25 (31 March 2025), healthy life expectancy and CVD with 2022-2024, pay in 2019, greenspace in 2005.
        Assert.Equal(ActiveLives2024, await Runner.LatestPeriodAsync(London, CancellationToken.None));
    }

    [Fact]
    public async Task London_computes_for_the_33_boroughs_with_every_value_traceable()
    {
        var run = await Runner.ComputeAsync(London, ActiveLives2024);

        Assert.Equal(ActiveLives2024, run.Period);
        Assert.Equal(Now, run.ComputedAt);
        Assert.Equal(London.Areas.Select(a => a.Code), run.Result.AreaCodes);
        Assert.Equal("City of London", run.Result.AreaNames[0]);

        // Each indicator: the provider's metadata (publisher, dataset, URL), and per area a value dated by the period it
        // refers to: the latest at or before 15 November 2025.
        var expectedPeriods = new Dictionary<string, string>
        {
            ["pay"] = "2019", ["household-income"] = "2023", ["child-low-income"] = "2024/25", ["affordability"] = "2023",
            ["fuel-poverty"] = "2022", ["hle-male"] = "2022-2024", ["hle-female"] = "2022-2024", ["preventable-cvd-mortality"] = "2022-2024",
            ["adult-obesity"] = "2024-11-16/P1Y", ["life-satisfaction"] = "2022/23", ["worthwhile"] = "2022/23", ["happiness"] = "2022/23",
            ["anxiety"] = "2022/23", ["employment-rate"] = "2023", ["economic-inactivity"] = "2023", ["crime-rate"] = "2024/25",
            ["ghg-per-capita"] = "2023", ["pm25-mortality"] = "2021", ["private-outdoor-space"] = "2020", ["greenspace-area"] = "2005",
            ["travel-time-pt-walk"] = "2019",
        };
        Assert.Equal(expectedPeriods.Keys.Order(), run.Values.Keys.Order());
        var raw = run.Result.Table(ResultTable.Raw);
        foreach (var (code, values) in run.Values)
        {
            var meta = run.Metadata[code];
            Assert.Equal(London.Definition[code].Provider, meta.Id);
            Assert.False(string.IsNullOrWhiteSpace(meta.Publisher));
            Assert.False(string.IsNullOrWhiteSpace(meta.Dataset));
            Assert.True(meta.Url.IsAbsoluteUri);
            Assert.Equal(run.Result.AreaCodes, values.Select(v => v.AreaCode));
            Assert.All(values, v => Assert.Equal(expectedPeriods[code], v.Period.ToString()));
            for (var i = 0; i < values.Count; i++)
            {
                var usable = values[i].Status is ValueStatus.Ok or ValueStatus.Unreliable;
                Assert.Equal(usable ? values[i].Value!.Value : double.NaN, raw.Column(code)[i]);
                Assert.True(usable || values[i].Reason is not null, $"{code} {values[i].AreaCode} is missing without a reason");
            }
        }

        // Hackney's health values are published for Hackney with the City of London, and say so.
        Assert.Contains("Hackney and City of London as one unit", run.Values["preventable-cvd-mortality"][11].Reason);
        Assert.Contains("Hackney and City of London as one unit", run.Values["hle-male"][11].Reason);

        // The City of London: no personal well-being ('u'), work ('x'), crime (City of London Police) or health beyond
        // obesity (1 of 4 < the domain's 0.5): 4 of 8 domains (living standards, a decent home, environment, access),
        // below minCoverage 0.75, so unscored.
        Assert.Equal(ValueStatus.Suppressed, run.Values["life-satisfaction"][0].Status);
        Assert.Equal(ValueStatus.NotAvailable, run.Values["crime-rate"][0].Status);
        Assert.True(double.IsNaN(run.Result["good-health"].Scores[0]));
        Assert.Equal(0.5, run.Result.Index.Coverage[0]);
        Assert.True(double.IsNaN(run.Result.Index.Scores[0]));
        Assert.Equal(32, run.Result.Index.Scores.ToArray().Count(double.IsFinite));

        // Barking and Dagenham (row 2), by hand from the files (min and max over the 33 boroughs, after winsorising:
        // GDHI City 129,429 and Kensington and Chelsea 110,651 -> 76,381; affordability K&C 25.36 -> 19.11; crime
        // Westminster 438.55 -> Camden 204.50317; GHG City 52.16 and Westminster 7.46 -> 4.73; outdoor space City 7.2 -> 60.3).
        //   living standards: pay 593.5 lowest -> 0; GDHI 21,179 lowest -> 0;
        //     children BHC (26.68985 - 22.95644) / (26.68985 - 5.17529) * 100 = 17.35294; (0 + 0 + 17.35294) / 3 = 5.78431
        //   decent home: ratio (19.11 - 10.97) / (19.11 - 9.8) * 100 = 87.43287; fuel (14.805 - 13.433) / (14.805 - 5.336) * 100
        //     = 14.48939; mean 50.96113
        //   good health: HLE m (59.6 - 58.3) / (69.3 - 58.3) * 100 = 11.81818, f (59.0 - 57.5) / (70.3 - 57.5) * 100 = 11.71875
        //     (weights 0.5 each); CVD 46.42921 and obesity 35.01903 are the highest -> 0;
        //     (0.5 * 11.81818 + 0.5 * 11.71875 + 0 + 0) / 3 = 3.92282
        //   feeling well: (7.48 - 6.95) / 0.96 = 55.20833; (7.9 - 7.23) / 0.85 = 78.82353; (7.48 - 6.82) / 1.18 = 55.93220;
        //     anxiety (3.95 - 2.98) / 2.09 = 46.41148; mean 59.09389
        //   good work: (72.2 - 60.6) / 23.3 = 49.78541; inactivity (35.7 - 25.2) / 23.6 = 44.49153; mean 47.13847
        //   safe place: (204.50317 - 91.01376) / (204.50317 - 61.68946) * 100 = 79.46675
        //   environment: GHG (4.73 - 2.98) / 2.66 = 65.78947; PM2.5 (7.25 - 6.4) / 1.52 = 55.92105; outdoor (84.5 - 60.3) / 29.4
        //     = 82.31293 and greenspace (33.6 - 4.8) / 54.5 = 52.84404 (weights 0.5 each): (65.78947 + 55.92105 + 67.57849) / 3 = 63.09634
        //   access: (10.31356 - 8.38106) / (10.31356 - 3.22468) * 100 = 27.26101
        //   index = (5.78431 + 50.96113 + 3.92282 + 59.09389 + 47.13847 + 79.46675 + 63.09634 + 27.26101) / 8 = 336.72472 / 8 = 42.09059
        Assert.Equal(5.78431, run.Result["living-standards"].Scores[1], tolerance: 1e-5);
        Assert.Equal(3.92282, run.Result["good-health"].Scores[1], tolerance: 1e-5);
        Assert.Equal(63.09634, run.Result["environment"].Scores[1], tolerance: 1e-5);
        Assert.Equal(42.09059, run.Result.Index.Scores[1], tolerance: 1e-5);

        // Richmond upon Thames (row 27) leads: best on HLE, CVD, child low income; index 70.73215 (reference computation).
        Assert.Equal(1, run.Result.Index.Ranks[26]);
    }

    [Fact]
    public async Task England_scores_290_of_its_296_districts_at_its_latest_period()
    {
        var england = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("england-la");
        Assert.Equal(ActiveLives2024, await Runner.LatestPeriodAsync(england, CancellationToken.None));
        var run = await Runner.ComputeAsync(england, ActiveLives2024);

        // Unscored (fewer than 5 of 7 domains): the City of London and the Isles of Scilly (no well-being, work or health
        // values of their own), and the four unitaries of April 2023, whose well-being (to 2022/23), PM2.5 (to 2021),
        // outdoor space (2020) and travel time (2019) exist only under their predecessors' codes.
        var unscored = run.Result.AreaCodes.Where((c, i) => double.IsNaN(run.Result.Index.Scores[i])).ToArray();
        Assert.Equal(["E06000053", "E06000063", "E06000064", "E06000065", "E06000066", "E09000001"], unscored);
        Assert.Equal(290, run.Result.Index.Scores.ToArray().Count(double.IsFinite));

        // ons_gdhi_per_head_la_1997_2023.csv line 6211: E08000003,Manchester,Local Authority District,2023,...,gdhi_per_head_gbp,18945,
        var manchester = Array.IndexOf(run.Result.AreaCodes.ToArray(), "E08000003");
        Assert.Equal(18945, run.Values["household-income"][manchester].Value);
        // A shire district has no healthy life expectancy (upper-tier only) but is scored on CVD and obesity.
        var adur = Array.IndexOf(run.Result.AreaCodes.ToArray(), "E07000223");   // Adur
        Assert.Equal(ValueStatus.NotAvailable, run.Values["hle-male"][adur].Status);
        Assert.True(double.IsFinite(run.Result["good-health"].Scores[adur]));
    }

    [Fact]
    public async Task A_subset_of_areas_keeps_the_order_asked()
    {
        var run = await Runner.ComputeAsync(London, Year(2022), ["E09000030", "E09000002"]);
        Assert.Equal(["E09000030", "E09000002"], run.Result.AreaCodes.ToArray());
        Assert.Equal(["Tower Hamlets", "Barking and Dagenham"], run.Result.AreaNames.ToArray());
        // desnz LA file line 3864: 2022,2024,LILEE,E09000030,,Tower Hamlets,London borough,129518,10398,8.028
        Assert.Equal(8.028, run.Values["fuel-poverty"][0].Value);
    }

    [Fact]
    public async Task Unknown_and_repeated_area_codes_are_argument_errors_naming_them()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Runner.ComputeAsync(London, Year(2022), ["E09000030", "E06000001", "X"]));
        Assert.Contains("Area code(s) not in framework 'london': E06000001, X.", e.Message);
        Assert.Equal("areaCodes", e.ParamName);

        var twice = await Assert.ThrowsAsync<ArgumentException>(() => Runner.ComputeAsync(London, Year(2022), ["E09000030", "E09000030"]));
        Assert.Contains("requested twice: E09000030", twice.Message);
    }

    [Fact]
    public async Task A_period_an_indicator_has_nothing_for_is_an_error_naming_both()
    {
        // Children in low income start in 2021/22; fuel poverty (LILEE) starts in 2019 and does not fall back to LIHC;
        // outdoor space is one 2020 snapshot.
        var e = await Assert.ThrowsAsync<IndexComputationException>(() => Runner.ComputeAsync(London, Year(2018)));
        Assert.StartsWith("Framework 'london' cannot be computed at 2018: indicator 'child-low-income' (provider 'income-children-low-income-bhc') "
            + "has no value for any of the 33 areas at or before 2018: no value at or before 2018 in dwp_children_relative_low_income_la_fye2022_2025.csv; "
            + "the earliest for 'E09000001' is 2021/22.", e.Message);
        Assert.Contains("indicator 'fuel-poverty' (provider 'fuel-poverty-lilee') has no value for any of the 33 areas at or before 2018", e.Message);
        Assert.Contains("indicator 'private-outdoor-space' (provider 'green-private-outdoor-space') has no value", e.Message);
        Assert.DoesNotContain("'pay'", e.Message);
        Assert.DoesNotContain("'crime-rate'", e.Message);
    }

    [Fact]
    public async Task A_what_if_definition_is_run_and_kept_on_the_result()
    {
        var doubled = London.Definition.With(London.Definition.Nodes
            .Select(n => n.Code == "living-standards" ? n with { Weight = 2 } : n).ToList());
        var run = await Runner.ComputeAsync(London, ActiveLives2024, definitionOverride: doubled);

        Assert.Same(doubled, run.Framework.Definition);
        Assert.Equal("london", run.Framework.Id);
        // Barking and Dagenham with living standards weighted 2 (domain scores by hand above):
        // (2 * 5.78431 + 50.96113 + 3.92282 + 59.09389 + 47.13847 + 79.46675 + 63.09634 + 27.26101) / 9 = 342.50903 / 9 = 38.05656
        Assert.Equal(38.05656, run.Result.Index.Scores[1], tolerance: 1e-5);
    }

    [Fact]
    public async Task Provider_problems_in_a_definition_are_reported()
    {
        var definition = London.Definition;
        var missing = definition.With(definition.Nodes.Select(n => n.Code == "pay" ? n with { Provider = "income-mean" } : n).ToList());
        var e = await Assert.ThrowsAsync<IndexComputationException>(() => Runner.ComputeAsync(London, Year(2023), definitionOverride: missing));
        Assert.StartsWith("Indicator 'pay' names provider 'income-mean', which is not installed. Known: access-travel-time-car,", e.Message);

        var flipped = definition.With(definition.Nodes.Select(n => n.Code == "fuel-poverty" ? n with { Direction = 1 } : n).ToList());
        e = await Assert.ThrowsAsync<IndexComputationException>(() => Runner.ComputeAsync(London, Year(2023), definitionOverride: flipped));
        Assert.Contains("'fuel-poverty' has direction 1, but provider 'fuel-poverty-lilee' says LowerIsBetter (-1)", e.Message);

        var none = definition.With(definition.Nodes.Select(n => n.Code == "pay" ? n with { Provider = null } : n).ToList());
        e = await Assert.ThrowsAsync<IndexComputationException>(() => Runner.ComputeAsync(London, Year(2023), definitionOverride: none));
        Assert.StartsWith("Indicator 'pay' names no provider", e.Message);
    }

    [Fact]
    public async Task A_framework_using_a_plugin_provider_computes_with_no_change_to_the_host()
    {
        using var plugins = ProviderCatalogTests.PluginsDirectory(("SamplePlugin", ProviderCatalogTests.SamplePluginFolder));
        var catalog = ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly], plugins.Path);
        var definition = IndexDefinitionJson.Read("""
            {
              "id": "cycling-and-homes",
              "steps": [ { "step": "normalise", "method": "minmax" }, { "step": "aggregate", "method": "amean" } ],
              "nodes": [
                { "code": "index", "type": "aggregate", "parent": null },
                { "code": "cycling", "type": "indicator", "parent": "index", "direction": 1, "provider": "sample-monthly-cycling" },
                { "code": "affordability", "type": "indicator", "parent": "index", "direction": -1, "provider": "housing-affordability-ratio" }
              ]
            }
            """);
        var framework = new Framework("cycling-and-homes", definition,
            [new Area("E09000027", "Richmond upon Thames"), new Area("E09000025", "Newham"), new Area("E09000032", "Wandsworth")]);

        var runner = new FrameworkRunner(catalog, new FakeClock(Now));
        Assert.Equal(Year(2023), await runner.LatestPeriodAsync(framework, CancellationToken.None));
        var run = await runner.ComputeAsync(framework, Year(2023));

        // Borough profiles "% of adults who cycle at least once per month, 2014/15": Richmond 33.132045323902197 (line 28),
        // Newham 5.5719529809377502 (line 26), Wandsworth 30.669033493716999 (line 33).
        // Affordability 2023: Richmond 15.04 (line 595), Newham 11.4 (line 551), Wandsworth 13.02 (line 705).
        //   cycling minmax: Richmond 100, Newham 0, Wandsworth (30.669033 - 5.571953) / (33.132045 - 5.571953) * 100 = 91.06312
        //   ratio (lower is better): Richmond 0, Newham 100, Wandsworth (15.04 - 13.02) / (15.04 - 11.4) * 100 = 55.49451
        //   index: 50, 50, (91.06312 + 55.49451) / 2 = 73.27881
        Assert.Equal(ReferencePeriod.ForFinancialYear(2014), run.Values["cycling"][0].Period);
        Assert.Equal("Greater London Authority", run.Metadata["cycling"].Publisher);
        Assert.Equal(50, run.Result.Index.Scores[0], 9);
        Assert.Equal(50, run.Result.Index.Scores[1], 9);
        Assert.Equal(73.27881374578845, run.Result.Index.Scores[2], 9);
    }
}
