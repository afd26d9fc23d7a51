using System.Net;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// Issue 13's non-finite findings, end to end: each body once answered "NaN"/"Infinity", a 500 or every index score
/// null. Now each answers finite numbers equal to what the arithmetic says, or a problem naming the field. (An unscored
/// area under rank uncertainty is <see cref="ComputeEndpointTests.An_area_without_an_index_score_gets_null_rank_figures_never_NaN"/>.)
/// </summary>
public class FiniteAnswerEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JObject> ComputeAsync(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", ApiFactory.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using (var document = JsonDocument.Parse(text))
        {
            Assert.Null(ComputeFuzzTests.NonFinite(document.RootElement, "$"));
        }

        return JObject.Parse(text);
    }

    /// <summary>Area code → score of <paramref name="node"/> (null when the area has none).</summary>
    private static Dictionary<string, double?> Scores(JObject run, string node) =>
        ((JArray)run["areas"]!).ToDictionary(
            a => a["areaCode"]!.Value<string>()!,
            a => a["scores"]!.Single(s => s["nodeCode"]!.Value<string>() == node)["score"]!.Value<double?>());

    [Fact]
    public async Task Exprank_with_c_2_scores_every_scored_area()
    {
        var baseline = Scores(await ComputeAsync("{}"), "london");
        var actual = Scores(await ComputeAsync("""{"normalise":{"method":"exprank","c":2}}"""), "london");

        // The top rank of every indicator is exactly 100 (FiniteAnswersTests), so no score is lost: the same 32 of
        // 33 boroughs are scored as by the published recipe (the City of London lacks coverage).
        Assert.Equal(baseline.Where(s => s.Value is null).Select(s => s.Key), actual.Where(s => s.Value is null).Select(s => s.Key));
        Assert.All(actual.Values.OfType<double>(), v => Assert.InRange(v, 0, 100));
    }

    [Fact]
    public async Task A_weight_of_1e308_makes_the_index_its_domain()
    {
        // (1e308·L + Σ other domains)/(1e308 + 7) = L to double precision: the index is the living-standards score.
        var run = await ComputeAsync("""{"weights":{"living-standards":1e308}}""");
        var index = Scores(run, "london");
        var living = Scores(run, "living-standards");
        Assert.Equal(32, index.Values.Count(v => v is not null));
        foreach (var (area, score) in index.Where(s => s.Value is not null))
        {
            Assert.Equal(living[area]!.Value, score!.Value, 1e-9);
        }
    }

    [Fact]
    public async Task Two_weights_of_1_7e308_give_their_domains_mean_not_null()
    {
        // Σw = 3.4e308 overflowed and every index score came out null. Now (1.7e308·L + 1.7e308·G + …)/(3.4e308 + …)
        // = (L + G)/2 to double precision.
        var run = await ComputeAsync("""{"weights":{"living-standards":1.7e308,"good-health":1.7e308}}""");
        var index = Scores(run, "london");
        var (living, health) = (Scores(run, "living-standards"), Scores(run, "good-health"));
        Assert.Equal(32, index.Values.Count(v => v is not null));
        foreach (var (area, score) in index.Where(s => s.Value is not null && living[s.Key] is not null && health[s.Key] is not null))
        {
            Assert.Equal((living[area]!.Value + health[area]!.Value) / 2, score!.Value, 1e-9);
        }
    }

    [Fact]
    public async Task Minmax_onto_the_whole_double_range_is_the_published_index_stretched()
    {
        // Means of affine images are the affine image of the mean: with l = −1e308 and u = 1e308 every score is
        // l + (s/100)·(u − l) = −1e308 + s·2e306, s the published recipe's score (minmax onto 0–100); ranks are unchanged.
        var published = await ComputeAsync("{}");
        var stretched = await ComputeAsync("""{"normalise":{"method":"minmax","l":-1e308,"u":1e308}}""");
        var (baseline, actual) = (Scores(published, "london"), Scores(stretched, "london"));
        Assert.Equal(baseline.Keys, actual.Keys);
        foreach (var (area, s) in baseline)
        {
            Assert.Equal(s is null, actual[area] is null);
            if (s is { } score)
            {
                Assert.Equal(-1e308 + score * 2e306, actual[area]!.Value, 1e296);
            }
        }
    }

    [Fact]
    public async Task A_weight_for_a_node_the_framework_lacks_is_named()
    {
        // The finding's {"weights":{"warmth":1e308}}: 'warmth' is no longer a node of london.
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", ApiFactory.Json("""{"weights":{"warmth":1e308}}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "weights.warmth");
    }

    [Fact]
    public async Task A_weighted_sum_beyond_the_double_range_is_a_problem_naming_the_fields()
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute",
            ApiFactory.Json("""{"weights":{"living-standards":1.7e308},"aggregate":{"method":"sum"}}"""));
        var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)422, "weights", "aggregate");
        Assert.Contains("overflows", problem["detail"]!.Value<string>());
    }

    [Fact]
    public async Task A_z_score_scale_beyond_the_double_range_is_a_problem_naming_normalise()
    {
        // Found by the fuzz: s = max double wrote ±Infinity into the CSV answer.
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute",
            ApiFactory.Json("""{"areas":["E09000015","E09000023","E09000033"],"normalise":{"method":"zscore","s":1.7976931348623157e308}}"""));
        var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)422, "areas", "normalise");
        Assert.Contains("beyond the range of numbers", problem["detail"]!.Value<string>());
    }

    [Theory]
    [InlineData("""{"normalise":{"method":"exprank","c":2}}""")]
    [InlineData("""{"weights":{"living-standards":1.7e308,"good-health":1.7e308}}""")]
    [InlineData("""{"normalise":{"method":"minmax","l":-1e308,"u":1e308}}""")]
    [InlineData("""{"uncertainty":{"runs":5}}""")]
    public async Task Csv_answers_have_no_non_finite_cell(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks/london/compute") { Content = ApiFactory.Json(body) };
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await factory.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(34, lines.Length); // a header and the 33 boroughs
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(',')), c => c is "NaN" or "Infinity" or "-Infinity" or "∞" or "-∞");
    }
}
