using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Providers;

public class FrameworkCatalogTests
{
    [Fact]
    public void The_london_framework_loads_with_the_33_boroughs()
    {
        var london = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london");
        Assert.Equal(Enumerable.Range(1, 33).Select(i => $"E090000{i:00}"), london.Areas.Select(a => a.Code));
        Assert.Equal(new Area("E09000001", "City of London"), london.Areas[0]);
        Assert.Equal(new Area("E09000033", "Westminster"), london.Areas[^1]);
        Assert.Equal(["living-standards", "decent-home", "good-health", "feeling-well", "good-work", "safe-place", "environment", "access"],
            london.Definition.ChildrenOf("london").Select(n => n.Code));
        Assert.Equal(21, london.Definition.Indicators.Length);
        Assert.All(london.Definition.Nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Rationale), $"{n.Code} has no rationale"));
        // The sustainability indicator is named as such.
        Assert.StartsWith("Sustainability:", london.Definition["ghg-per-capita"].Name);
    }

    [Fact]
    public void The_england_framework_covers_the_296_districts_of_2024_without_the_london_only_indicators()
    {
        var england = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("england-la");
        // mhclg_iod2025_lad24_summaries.csv: 296 rows, ltla24_code E06000001 (Hartlepool, line 2) ... ; 33 London boroughs.
        Assert.Equal(296, england.Areas.Count);
        Assert.Equal(new Area("E06000001", "Hartlepool"), england.Areas[0]);
        Assert.Equal(33, england.Areas.Count(a => a.Code.StartsWith("E09", StringComparison.Ordinal)));
        Assert.Contains(new Area("E06000063", "Cumberland"), england.Areas);
        Assert.DoesNotContain(england.Areas, a => a.Code is "E07000026" or "E10000023");   // Allerdale (abolished 2023), North Yorkshire county
        Assert.Equal(["living-standards", "decent-home", "good-health", "feeling-well", "good-work", "environment", "access"],
            england.Definition.ChildrenOf("england-la").Select(n => n.Code));
        var providers = england.Definition.Indicators.Select(i => i.Provider).ToList();
        Assert.Equal(17, providers.Count);
        Assert.DoesNotContain("income-median-weekly-pay", providers);
        Assert.DoesNotContain("housing-affordability-ratio", providers);
        Assert.DoesNotContain("safety-recorded-crime-rate", providers);
        Assert.DoesNotContain("green-greenspace-area", providers);
        Assert.All(england.Definition.Nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Rationale), $"{n.Code} has no rationale"));
    }

    [Theory]
    [InlineData("london")]
    [InlineData("england-la")]
    public void Every_indicator_names_a_built_in_provider_with_the_same_direction(string id)
    {
        var providers = ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]);
        foreach (var indicator in FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get(id).Definition.Indicators)
        {
            var provider = providers.Get(indicator.Provider!);
            Assert.Equal((int)provider.Metadata.Direction, indicator.Direction);
        }
    }

    [Fact]
    public void The_definition_round_trips_through_its_json_form()
    {
        var definition = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london").Definition;
        var json = IndexDefinitionJson.ToJson(definition);
        var again = IndexDefinitionJson.Read(json.ToString());
        Assert.True(Newtonsoft.Json.Linq.JToken.DeepEquals(json, IndexDefinitionJson.ToJson(again)));
        Assert.Equal(["impute", "treat", "normalise", "aggregate"], again.Steps.Select(s => s.Step));
    }

    [Fact]
    public void An_unknown_framework_lists_the_known_ones()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("paris"));
        Assert.Equal("No framework 'paris'. Known: england-la, england-lsoa, imd2025, london.", e.Message);
    }

    [Fact]
    public void A_framework_using_a_method_the_registry_lacks_is_reported_naming_the_resource()
    {
        var registry = MethodRegistry.FromAssemblies(typeof(FrameworkCatalogTests).Assembly);
        var e = Assert.Throws<InvalidDataException>(() => FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly, registry));
        Assert.StartsWith("Framework resource WellbeingIndex.Frameworks.england-la.json is invalid", e.Message);
        Assert.Contains("unknown normalise method 'minmax'", e.Message);
    }

    [Theory]
    [InlineData("{}", "expected a non-empty array")]
    [InlineData("[{\"code\": \"E09000001\"}]", "$[0] needs a string 'code' and 'name'")]
    [InlineData("[{\"code\": \"E1\", \"name\": \"a\"}, {\"code\": \"E1\", \"name\": \"b\"}]", "$[1].code 'E1' appears twice")]
    [InlineData("[", "not valid JSON")]
    public void Bad_areas_lists_are_reported(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => FrameworkCatalog.ReadAreas(json, "x.areas.json"));
        Assert.StartsWith("x.areas.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
