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
        Assert.Equal(["material-living-standards", "housing-affordability", "green-space", "warmth"],
            london.Definition.ChildrenOf("london").Select(n => n.Code));
        Assert.All(london.Definition.Nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Rationale), $"{n.Code} has no rationale"));
    }

    [Fact]
    public void Every_london_indicator_names_a_built_in_provider_with_the_same_direction()
    {
        var providers = ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]);
        foreach (var indicator in FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london").Definition.Indicators)
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
        Assert.Equal("No framework 'paris'. Known: london.", e.Message);
    }

    [Fact]
    public void A_framework_using_a_method_the_registry_lacks_is_reported_naming_the_resource()
    {
        var registry = MethodRegistry.FromAssemblies(typeof(FrameworkCatalogTests).Assembly);
        var e = Assert.Throws<InvalidDataException>(() => FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly, registry));
        Assert.StartsWith("Framework resource WellbeingIndex.Frameworks.london.json is invalid", e.Message);
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
