using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Inequality;
using WellbeingIndex.Indicators;
using WellbeingIndex.Indicators.Geography;
using WellbeingIndex.Indicators.Population;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// <c>GET /api/frameworks/{id}/inequality</c> on the real england-lsoa framework: Camden's roll-up and Gini checked
/// against a textbook computation from its LSOA scores and Census 2021 populations, the other levels, CSV, and problems
/// naming each bad field.
/// </summary>
public class InequalityEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Camden = "E09000007";

    [Fact]
    public async Task The_polarity_defaults_to_the_framework_definitions_and_the_query_overrides_it()
    {
        var client = factory.CreateClient();
        // imd2025.json says "higherIsWorse": true (a deprivation index); england-lsoa.json says nothing (wellbeing).
        var imd = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/imd2025/inequality?by=england"));
        Assert.True(imd["higherIsWorse"]!.Value<bool>());
        var overridden = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/imd2025/inequality?by=england&higherIsWorse=false"));
        Assert.False(overridden["higherIsWorse"]!.Value<bool>());
    }

    [Fact]
    public async Task Camden_mean_and_gini_match_a_hand_computation_from_its_lsoas()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/frameworks/england-lsoa/inequality?by=la&threshold=90");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ApiFactory.JsonAsync(response);
        Assert.Equal("england-lsoa", document["frameworkId"]!.Value<string>());
        Assert.Equal("england-lsoa", document["node"]!.Value<string>());
        Assert.Equal("la", document["by"]!.Value<string>());
        Assert.False(document["higherIsWorse"]!.Value<bool>());
        Assert.Equal(90, document["threshold"]!.Value<double>());
        var places = (JArray)document["places"]!;
        Assert.Equal(296, places.Count); // English local authority districts, 2024 codes
        var camden = places.Single(p => p["code"]!.Value<string>() == Camden);
        Assert.Equal("Camden", camden["name"]!.Value<string>());

        // Independently: Camden's LSOAs (lookup), their index scores and Census 2021 populations; weighted mean
        // Σwx/Σw, Gini as the double sum Σᵢ Σⱼ wᵢwⱼ|xᵢ − xⱼ| / (2W²μ) (the engine sorts and accumulates instead), share
        // of people in LSOAs below 90.
        var context = new ProviderContext(DataDirectory.Resolve(null));
        var framework = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly, data: context).Get("england-lsoa");
        var run = await DirectRun.Runner.ComputeAsync(framework, await DirectRun.Runner.LatestPeriodAsync(framework, default));
        var lookup = LsoaLookup.For(context);
        var population = LsoaPopulation.For(context);
        var members = Enumerable.Range(0, run.Result.AreaCodes.Length)
            .Where(i => lookup.Find(run.Result.AreaCodes[i], LsoaVintage.Lsoa2021)!.LaCode == Camden).ToArray();
        var x = members.Select(i => run.Result.Index.Scores[i]).ToArray();
        var w = members.Select(i => population.Persons(run.Result.AreaCodes[i], LsoaPopulation.CensusDay2021)!.Value).ToArray();
        var total = w.Sum();
        var mean = x.Zip(w, (a, b) => a * b).Sum() / total;
        double pairs = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < x.Length; j++)
            {
                pairs += w[i] * w[j] * Math.Abs(x[i] - x[j]);
            }
        }

        Assert.Equal(members.Length, camden["areas"]!.Value<int>());
        Assert.Equal(total, camden["population"]!.Value<double>());
        Assert.Equal(mean, camden["mean"]!.Value<double>(), 9);
        Assert.Equal(pairs / (2 * total * total * mean), camden["gini"]!.Value<double>(), 9);
        Assert.Equal(Enumerable.Range(0, x.Length).Where(k => x[k] < 90).Sum(k => w[k]) / total, camden["shareBelow"]!.Value<double>(), 9);
        // IHDI-style: mean × (1 − Atkinson ε=1), Atkinson 1 = 1 − geometric mean / mean.
        var geometric = Math.Exp(x.Zip(w, (a, b) => b * Math.Log(a)).Sum() / total);
        Assert.Equal(1 - (geometric / mean), camden["atkinson1"]!.Value<double>(), 9);
        Assert.Equal(geometric, camden["adjustedMean1"]!.Value<double>(), 9);
    }

    [Fact]
    public async Task Regions_england_and_csv()
    {
        var client = factory.CreateClient();
        var regions = (JArray)(await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/england-lsoa/inequality?by=region")))["places"]!;
        Assert.Equal(9, regions.Count);
        Assert.Contains(regions, r => r["code"]!.Value<string>() == "E12000007" && r["name"]!.Value<string>() == "London");
        var england = Assert.Single((JArray)(await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/england-lsoa/inequality?by=england")))["places"]!);
        Assert.Equal(33_755, england["areas"]!.Value<int>());
        Assert.Equal(JTokenType.Null, england["shareBelow"]!.Type); // no threshold asked for

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks/england-lsoa/inequality?by=region&node=england-lsoa");
        request.Headers.Add("Accept", "text/csv");
        var csv = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PlaceSummaryCsv.Header, lines[0]);
        Assert.Equal(1 + 9, lines.Length);
    }

    [Fact]
    public async Task Bad_fields_are_named_and_borough_frameworks_have_no_inequality()
    {
        var client = factory.CreateClient();
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/england-lsoa/inequality?by=ward"), HttpStatusCode.BadRequest, "by");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/england-lsoa/inequality?node=nope&threshold=NaN&higherIsWorse=maybe&period=20x5"),
            HttpStatusCode.BadRequest, "node", "threshold", "higherIsWorse", "period");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/inequality"), HttpStatusCode.NotFound, "id");
    }
}
