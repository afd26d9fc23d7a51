using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>Health, frameworks and indicators: the read-only catalogue endpoints.</summary>
public class CatalogueEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JToken> GetAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await ApiFactory.JsonAsync(response);
    }

    [Fact]
    public async Task Health_says_ok_and_which_store()
    {
        var health = await GetAsync("/api/health");
        Assert.Equal("ok", health["status"]!.Value<string>());
        Assert.Equal("memory", health["store"]!.Value<string>());
        Assert.Equal("standalone", health["host"]!.Value<string>());
        Assert.Equal(["london"], health["publishedFrameworks"]!.Values<string>());
        Assert.Equal(JTokenType.Null, health["nextScheduledPublish"]!.Type); // the timer is off in these tests
    }

    [Fact]
    public async Task Frameworks_lists_london_with_its_33_boroughs()
    {
        var list = (JArray)await GetAsync("/api/frameworks");
        var london = list.Single(f => f["id"]!.Value<string>() == "london");
        Assert.Equal(33, london["areaCount"]!.Value<int>());
        Assert.Equal(DirectRun.London.Definition.Indicators.Length, london["indicatorCount"]!.Value<int>());
    }

    [Fact]
    public async Task A_framework_has_its_definition_and_areas()
    {
        var london = await GetAsync("/api/frameworks/london");
        Assert.Equal("london", london["definition"]!["id"]!.Value<string>());
        Assert.Equal(DirectRun.London.Definition.Nodes.Select(n => n.Code), london["definition"]!["nodes"]!.Select(n => n["code"]!.Value<string>()));
        var areas = (JArray)london["areas"]!;
        Assert.Equal(33, areas.Count);
        // GSS codes E09000001 (City of London) to E09000033 (Westminster).
        Assert.Equal(Enumerable.Range(1, 33).Select(i => $"E090000{i:D2}").Order(), areas.Select(a => a["code"]!.Value<string>()).Order());
        Assert.Equal("City of London", areas.Single(a => a["code"]!.Value<string>() == "E09000001")["name"]!.Value<string>());
    }

    [Fact]
    public async Task An_unknown_framework_is_a_404_naming_id()
    {
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().GetAsync("/api/frameworks/paris"), HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Indicators_carry_provenance_periods_and_use()
    {
        var catalog = ProviderCatalog.Discover(new ProviderContext(DataDirectory.FromEnvironment()), [BuiltInIndicators.Assembly]);
        var list = (JArray)await GetAsync("/api/indicators");
        Assert.Equal(catalog.Providers.Select(p => p.Metadata.Id), list.Select(i => i["metadata"]!["id"]!.Value<string>()));
        foreach (var provider in catalog.Providers)
        {
            var entry = list.Single(i => i["metadata"]!["id"]!.Value<string>() == provider.Metadata.Id);
            Assert.Equal(provider.Metadata.Publisher, entry["metadata"]!["publisher"]!.Value<string>());
            Assert.Equal(provider.Metadata.Licence, entry["metadata"]!["licence"]!.Value<string>());
            Assert.Equal(provider.Metadata.Url.AbsoluteUri, new Uri(entry["metadata"]!["url"]!.Value<string>()!).AbsoluteUri);
            var periods = await provider.GetAvailablePeriodsAsync();
            Assert.Equal(periods.Select(p => p.ToString()), entry["periods"]!.Values<string>());
        }

        var used = list.SelectMany(i => i["usedBy"]!).Where(u => u["framework"]!.Value<string>() == "london")
            .Select(u => u["indicator"]!.Value<string>()).Order();
        Assert.Equal(DirectRun.London.Definition.Indicators.Select(n => n.Code).Order(), used);
    }
}
