using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api;
using WellbeingIndex.Server;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>Bad compute requests: each answers a problem with the right status naming the field at fault.</summary>
public class ComputeProblemTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private Task<HttpResponseMessage> PostAsync(string body, string framework = "london") =>
        factory.CreateClient().PostAsync($"/api/frameworks/{framework}/compute", ApiFactory.Json(body));

    [Fact]
    public async Task Malformed_json_names_where_it_broke()
    {
        var problem = await ProblemAssert.IsProblemAsync(await PostAsync("""{"period": "2022", "areas": [}"""), HttpStatusCode.BadRequest, "areas");
        Assert.Contains("not valid JSON", problem["errors"]!["areas"]![0]!.Value<string>());
    }

    [Fact]
    public async Task Trailing_text_after_the_json_is_malformed()
    {
        await ProblemAssert.IsProblemAsync(await PostAsync("""{"period": "2022"} x"""), HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task A_json_array_body_is_refused()
    {
        await ProblemAssert.IsProblemAsync(await PostAsync("[1, 2]"), HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Wrong_types_name_each_field()
    {
        var response = await PostAsync("""{"period": 2022, "areas": "E09000001", "weights": {"x": "heavy"}, "nodes": []}""");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "period", "areas", "weights.x", "nodes");
    }

    [Fact]
    public async Task Bad_uncertainty_options_are_named()
    {
        var response = await PostAsync("""{"period": "2022", "uncertainty": {"runs": 1000000, "weightNoise": 1.5, "seed": "x", "draws": 3}}""");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest,
            "uncertainty.runs", "uncertainty.weightNoise", "uncertainty.seed", "uncertainty.draws");
        Assert.Contains("between 2 and 2000", problem["errors"]!["uncertainty.runs"]![0]!.Value<string>());
    }

    [Fact]
    public async Task A_bad_request_asking_for_csv_still_gets_a_problem_not_a_500()
    {
        // Found by the fuzz: the default problem writer declines Accept: text/csv, which turned every 4xx into a 500.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks/london/compute") { Content = ApiFactory.Json("""{"period": "20x2"}""") };
        request.Headers.Accept.ParseAdd("text/csv");
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().SendAsync(request), HttpStatusCode.BadRequest, "period");
    }

    [Fact]
    public async Task A_bad_period_is_named()
    {
        var problem = await ProblemAssert.IsProblemAsync(await PostAsync("""{"period": "20x2"}"""), HttpStatusCode.BadRequest, "period");
        Assert.StartsWith("'20x2' is not a period", problem["errors"]!["period"]![0]!.Value<string>());
    }

    [Fact]
    public async Task An_unknown_framework_is_404_naming_id()
    {
        var problem = await ProblemAssert.IsProblemAsync(await PostAsync("{}", "paris"), HttpStatusCode.NotFound, "id");
        Assert.Contains("london", problem["detail"]!.Value<string>());
    }

    [Fact]
    public async Task Unknown_areas_are_named_by_position()
    {
        var response = await PostAsync("""{"areas": ["E09000001", "E08000001", "W06000015"]}""");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "areas[1]", "areas[2]");
        Assert.Contains("'E08000001' is not an area of framework 'london'", problem["errors"]!["areas[1]"]![0]!.Value<string>());
    }

    [Fact]
    public async Task Bad_overrides_are_named_as_request_fields()
    {
        var london = DirectRun.London.Definition;
        var domain = london.ChildrenOf(london.Root.Code)[0].Code;
        var indicator = london.Indicators[0].Code;
        var nodeOverride = "\"nodes\": {\"" + indicator + "\": {\"aggregate\": {\"method\": \"amean\"}}}";
        var response = await PostAsync("{\"weights\": {\"" + domain + "\": 0, \"nowhere\": 1}, \"normalise\": {\"method\": \"nope\"}, " + nodeOverride + "}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "weights.nowhere");

        // Unknown nodes are reported first; with them fixed, the engine's own checks are named as request fields.
        response = await PostAsync("{\"weights\": {\"" + domain + "\": 0}, \"normalise\": {\"method\": \"nope\"}, " + nodeOverride + "}");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest,
            $"weights.{domain}", "normalise.method", $"nodes.{indicator}.aggregate");
        Assert.Contains("positive", problem["errors"]![$"weights.{domain}"]![0]!.Value<string>());
    }

    [Fact]
    public async Task A_what_if_the_data_cannot_support_is_422()
    {
        // z-scores are negative for below-average boroughs, and a geometric mean needs positive values.
        var response = await PostAsync("""{"period": "2022", "normalise": {"method": "zscore"}, "aggregate": {"method": "gmean"}}""");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "period", "normalise", "aggregate");
        Assert.Contains("gmean", problem["detail"]!.Value<string>());
    }

    [Fact]
    public async Task Areas_with_no_value_for_an_indicator_are_422_naming_the_request_fields()
    {
        // ONS withheld the City of London's full-time pay (latest at or before 2023 is 2019, withheld): alone, it leaves
        // the pay indicator with no value at all.
        var response = await PostAsync("""{"period": "2023", "areas": ["E09000001"]}""");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "period", "areas");
        Assert.Contains("'pay'", problem["detail"]!.Value<string>());
    }

    [Fact]
    public async Task Integers_too_large_for_a_number_are_field_errors_not_500()
    {
        // Newtonsoft reads integers beyond 64 bits (10^30) as BigInteger, which used to escape as an InvalidCastException;
        // at ~10^400 it refuses the JSON, which is reported where it broke.
        var big = "1" + new string('0', 30);
        var problem = await ProblemAssert.IsProblemAsync(await PostAsync($$$"""{"uncertainty": {"runs": {{{big}}}, "seed": {{{big}}}}}"""),
            HttpStatusCode.BadRequest, "uncertainty.runs", "uncertainty.seed");
        Assert.Contains("whole number", problem["errors"]!["uncertainty.seed"]![0]!.Value<string>());

        var huge = "1" + new string('0', 400);
        await ProblemAssert.IsProblemAsync(await PostAsync($$$"""{"weights": {"environment": {{{huge}}}}}"""), HttpStatusCode.BadRequest, "weights.environment");
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var big = """{"period": "2022", "areas": [""" + string.Join(",", Enumerable.Repeat("\"E09000001\"", 7000)) + "]}";
        Assert.True(big.Length > ApiSettings.DefaultMaxBodyBytes);
        await ProblemAssert.IsProblemAsync(await PostAsync(big), HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task The_body_limit_is_configurable()
    {
        using var small = new ApiFactory(new Dictionary<string, string?> { [ApiSettings.MaxBodyBytesKey] = "100" });
        var response = await small.CreateClient().PostAsync("/api/frameworks/london/compute",
            ApiFactory.Json("""{"period": "2022", "areas": ["E09000001", "E09000002", "E09000003", "E09000004", "E09000005", "E09000006"]}"""));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Contains("100 bytes", problem["detail"]!.Value<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", new StringContent("period=2022"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().GetAsync("/api/nowhere"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().GetAsync("/api/frameworks/london/compute"), HttpStatusCode.MethodNotAllowed);
    }
}
