using NodaTime;
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
    private static FrameworkRunner Runner => new(BuiltIn.Value, new FixedClock(Now));

    [Fact]
    public async Task The_latest_period_is_the_latest_any_indicator_publishes()
    {
        // Affordability runs to 2023; pay ends 2019, outdoor space 2020, greenspace 2005, fuel poverty (LILEE) 2022.
        Assert.Equal(Year(2023), await Runner.LatestPeriodAsync(London, CancellationToken.None));
    }

    [Fact]
    public async Task London_computes_for_the_33_boroughs_with_every_value_traceable()
    {
        var run = await Runner.ComputeAsync(London, Year(2023));

        Assert.Equal(Year(2023), run.Period);
        Assert.Equal(Now, run.ComputedAt);
        Assert.Equal(London.Areas.Select(a => a.Code), run.Result.AreaCodes);
        Assert.Equal("City of London", run.Result.AreaNames[0]);

        // Each indicator: the provider's metadata (publisher, dataset, URL), and per area a value dated by the period it refers to.
        var expectedPeriods = new Dictionary<string, int>
        {
            ["pay"] = 2019, ["affordability"] = 2023, ["private-outdoor-space"] = 2020, ["greenspace-area"] = 2005, ["fuel-poverty"] = 2022,
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
            Assert.All(values, v => Assert.Equal(Year(expectedPeriods[code]), v.Period));
            for (var i = 0; i < values.Count; i++)
            {
                var usable = values[i].Status is ValueStatus.Ok or ValueStatus.Unreliable;
                Assert.Equal(usable ? values[i].Value!.Value : double.NaN, raw.Column(code)[i]);
                Assert.True(usable || values[i].Reason is not null, $"{code} {values[i].AreaCode} is missing without a reason");
            }
        }

        // ONS withheld the City of London's 2019 pay and 2023 affordability: two of four domains, below minCoverage 0.75.
        Assert.Equal(ValueStatus.Suppressed, run.Values["pay"][0].Status);
        Assert.Equal(ValueStatus.Suppressed, run.Values["affordability"][0].Status);
        Assert.Equal(0.5, run.Result.Index.Coverage[0]);
        Assert.True(double.IsNaN(run.Result.Index.Scores[0]));

        // Barking and Dagenham (row 2), by hand. Raw: pay 593.5 (the lowest of the 32 published), ratio 10.97,
        // outdoor space 84.5, greenspace 33.6, fuel poverty 13.433.
        //   pay: (593.5 - 593.5) / (912.9 - 593.5) = 0.
        //   ratio (lower is better; winsorise moves Kensington and Chelsea's 25.36 down to the next, 19.11; best is Bexley 9.8):
        //     (19.11 - 10.97) / (19.11 - 9.8) * 100 = 87.43287
        //   outdoor space (winsorise moves the City's 7.2 up to Tower Hamlets' 60.3; max Havering 89.7):
        //     (84.5 - 60.3) / (89.7 - 60.3) * 100 = 82.31293; greenspace (33.6 - 4.8) / (59.3 - 4.8) * 100 = 52.84404;
        //     green-space domain = (82.31293 + 52.84404) / 2 = 67.57848
        //   fuel poverty (lower is better): (14.805 - 13.433) / (14.805 - 5.336) * 100 = 14.48939
        //   index = (0 + 87.43287 + 67.57848 + 14.48939) / 4 = 42.37518
        Assert.Equal(42.3751838091235, run.Result.Index.Scores[1], 9);
        Assert.Equal(0, run.Result["material-living-standards"].Scores[1], 12);

        // Bromley (row 6) leads. Raw: pay 790.5, ratio 11.21, outdoor space 85.4, greenspace 57.8, fuel poverty 8.829.
        //   pay (790.5 - 593.5) / 319.4 * 100 = 61.67815; ratio (19.11 - 11.21) / 9.31 * 100 = 84.85499;
        //   green ((85.4 - 60.3) / 29.4 * 100 + (57.8 - 4.8) / 54.5 * 100) / 2 = (85.37415 + 97.24771) / 2 = 91.31093;
        //   fuel (14.805 - 8.829) / 9.469 * 100 = 63.11120; index = (61.67815 + 84.85499 + 91.31093 + 63.11120) / 4 = 75.23882
        Assert.Equal(1, run.Result.Index.Ranks[5]);
        Assert.Equal(75.23881854494815, run.Result.Index.Scores[5], 9);
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
        // Outdoor space is one 2020 snapshot; fuel poverty (LILEE) starts in 2019 and does not fall back to LIHC.
        var e = await Assert.ThrowsAsync<IndexComputationException>(() => Runner.ComputeAsync(London, Year(2018)));
        Assert.StartsWith("Framework 'london' cannot be computed at 2018: indicator 'private-outdoor-space' (provider 'green-private-outdoor-space') "
            + "has no value for any of the 33 areas at or before 2018: no value at or before 2018 in ons_private_outdoor_space_lad_2020.csv; "
            + "the earliest for 'E09000001' is 2020.", e.Message);
        Assert.Contains("indicator 'fuel-poverty' (provider 'fuel-poverty-lilee') has no value for any of the 33 areas at or before 2018", e.Message);
        Assert.DoesNotContain("'pay'", e.Message);
    }

    [Fact]
    public async Task A_what_if_definition_is_run_and_kept_on_the_result()
    {
        var doubled = London.Definition.With(London.Definition.Nodes
            .Select(n => n.Code == "material-living-standards" ? n with { Weight = 2 } : n).ToList());
        var run = await Runner.ComputeAsync(London, Year(2023), definitionOverride: doubled);

        Assert.Same(doubled, run.Framework.Definition);
        Assert.Equal("london", run.Framework.Id);
        // Barking and Dagenham with pay weighted 2: (2*0 + 87.43287 + 67.57848 + 14.48939) / 5 = 33.90015
        Assert.Equal(33.9001470472988, run.Result.Index.Scores[1], 9);
    }

    [Fact]
    public async Task Provider_problems_in_a_definition_are_reported()
    {
        var definition = London.Definition;
        var missing = definition.With(definition.Nodes.Select(n => n.Code == "pay" ? n with { Provider = "income-mean" } : n).ToList());
        var e = await Assert.ThrowsAsync<IndexComputationException>(() => Runner.ComputeAsync(London, Year(2023), definitionOverride: missing));
        Assert.StartsWith("Indicator 'pay' names provider 'income-mean', which is not installed. Known: fuel-poverty-lihc,", e.Message);

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

        var runner = new FrameworkRunner(catalog, new FixedClock(Now));
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

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
