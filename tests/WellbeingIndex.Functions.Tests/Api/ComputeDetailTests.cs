using System.Net;
using Newtonsoft.Json.Linq;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// Issue 13 item 7: compute answers a lean document by default (run facts, scores, ranks, coverage) and the full one
/// (with the definition and every indicator value) for <c>?detail=full</c>; the scores are the same either way (the
/// full answer is checked against a direct run in <see cref="ComputeEndpointTests"/>).
/// </summary>
public class ComputeDetailTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JObject> ComputeAsync(string body, string query = "")
    {
        var response = await factory.CreateClient().PostAsync($"/api/frameworks/london/compute{query}", ApiFactory.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JObject.Parse(text);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"period": "2022"}""")]
    [InlineData("""{"weights": {"decent-home": 3}, "normalise": {"method": "rank"}}""")]
    [InlineData("""{"period": "2022", "areas": ["E09000033", "E09000002", "E09000019"], "normalise": {"method": "rank"}}""")]
    public async Task The_lean_answer_is_the_full_one_without_definition_and_indicator_values(string body)
    {
        var lean = await ComputeAsync(body);
        var full = await ComputeAsync(body, "?detail=full");
        var explicitLean = await ComputeAsync(body, "?detail=lean");
        Assert.Equal(["run", "areas"], lean.Properties().Select(p => p.Name));
        Assert.Equal(["run", "definition", "areas", "indicatorValues"], full.Properties().Select(p => p.Name));
        Assert.True(JToken.DeepEquals(full["areas"], lean["areas"]));
        Assert.True(JToken.DeepEquals(lean["areas"], explicitLean["areas"]));
        foreach (var fact in new[] { "frameworkId", "period", "whatIf", "areaCount", "indicatorCount" })
        {
            Assert.True(JToken.DeepEquals(full["run"]![fact], lean["run"]![fact]), fact);
        }
    }

    [Fact]
    public async Task The_framework_recipe_keeps_its_publishable_run_id_and_a_what_if_gets_a_stable_one_of_its_own()
    {
        var published = await ComputeAsync("{}", "?detail=full");
        Assert.Equal(published["run"]!["runId"], (await ComputeAsync("{}"))["run"]!["runId"]);

        const string whatIf = """{"weights": {"decent-home": 3}}""";
        var first = (string)(await ComputeAsync(whatIf))["run"]!["runId"]!;
        var second = (string)(await ComputeAsync(whatIf))["run"]!["runId"]!;
        var other = (string)(await ComputeAsync("""{"weights": {"decent-home": 4}}"""))["run"]!["runId"]!;
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.NotEqual((string)published["run"]!["runId"]!, first);
        Assert.StartsWith(((string)published["run"]!["period"]!).Replace('/', '-') + "-", first);
    }

    [Fact]
    public async Task An_unknown_detail_is_a_400_naming_it()
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute?detail=everything", ApiFactory.Json("{}"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "detail");
    }

    [Fact]
    public async Task The_lean_answer_is_a_fraction_of_the_full_one()
    {
        var lean = (await ComputeAsync("{}")).ToString(Newtonsoft.Json.Formatting.None).Length;
        var full = (await ComputeAsync("{}", "?detail=full")).ToString(Newtonsoft.Json.Formatting.None).Length;
        // 21 indicators × 33 areas of values against 9 nodes × 33 areas of scores: the values dominate.
        Assert.True(lean * 5 < full, $"lean {lean} characters, full {full}");
    }
}
