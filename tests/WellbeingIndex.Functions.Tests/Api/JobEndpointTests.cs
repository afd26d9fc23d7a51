using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Work;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// Sensitivity analyses as jobs over HTTP: 202 + Location, status, result, cancel. Results are checked against the
/// engine's <see cref="SensitivityAnalysis"/> run directly on the same data with the same seed (what
/// <c>wellbeing sensitivity</c> runs).
/// </summary>
public class JobEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private HttpClient Client(bool key = true)
    {
        var client = factory.CreateClient();
        if (key)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", ApiFactory.Key);
        }

        return client;
    }

    private static async Task<JObject> WaitAsync(HttpClient client, string location, Func<JObject, bool> until)
    {
        for (var i = 0; i < 600; i++)
        {
            var response = await client.GetAsync(location);
            var status = JObject.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (until(status))
            {
                return status;
            }

            Assert.Equal("1", response.Headers.GetValues("Retry-After").Single()); // polling hint while not finished
            await Task.Delay(100);
        }

        throw new TimeoutException($"{location} did not reach the state asked for in 60 s");
    }

    private static async Task<SensitivityResult> DirectAsync(SensitivityOptions options)
    {
        var run = await DirectRun.ComputeAsync(Abstractions.ReferencePeriod.ForCalendarYear(2022));
        return SensitivityAnalysis.Run(run.Result.Definition, run.Result.Input, options);
    }

    [Fact]
    public async Task A_sobol_job_answers_202_with_location_and_its_result_equals_the_engine_run_with_the_same_seed()
    {
        using var client = Client();
        var submitted = await client.PostAsync("/api/frameworks/london/sensitivity", ApiFactory.Json(
            """{"period": "2022", "uncertain": ["weights:0.25", "normalise:minmax,zscore"], "runs": 64, "sobol": true, "seed": 11, "bootstrap": 200}"""));
        var text = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, text);
        var accepted = JObject.Parse(text);
        var location = submitted.Headers.Location!.ToString();
        Assert.Equal($"/api/jobs/{accepted["id"]}", location);
        Assert.Equal(location, accepted["location"]!.Value<string>());
        Assert.Contains(accepted["state"]!.Value<string>(), new[] { "queued", "running", "succeeded" });
        Assert.Equal("london", accepted["frameworkId"]!.Value<string>());
        // London has three levels: weights:0.25 is one input per level below the index (L1, L2), plus normalise: d = 3,
        // so a Sobol design of N = 64 makes 64 × (3 + 2) = 320 runs.
        Assert.Equal(320, accepted["progress"]!["total"]!.Value<int>());
        Assert.NotNull(accepted["createdAt"]!.Value<string>());

        var done = await WaitAsync(client, location, s => s["state"]!.Value<string>() is "succeeded" or "failed");
        Assert.True(done["state"]!.Value<string>() == "succeeded", done.ToString());
        Assert.Equal(320, done["progress"]!["completed"]!.Value<int>());
        Assert.Equal($"{location}/result", done["resultLocation"]!.Value<string>());
        Assert.NotNull(done["expiresAt"]!.Value<string>());

        var result = JObject.Parse(await client.GetStringAsync($"{location}/result"));
        var definition = (await DirectRun.ComputeAsync(Abstractions.ReferencePeriod.ForCalendarYear(2022))).Result.Definition;
        var inputs = new[] { "weights:0.25", "normalise:minmax,zscore" }.SelectMany(u => UncertainInput.Parse(u, definition)).ToList();
        var expected = await DirectAsync(new SensitivityOptions { Inputs = inputs, Runs = 64, Sobol = true, Seed = 11, Bootstrap = 200 });
        Assert.Equal(320, result["runCount"]!.Value<int>());
        Assert.Equal(["weights L1", "weights L2", "normalise"], result["inputs"]!.Values<string>());
        AssertSameAreas(expected, (JArray)result["areas"]!);
        var sobol = (JArray)result["sobol"]!;
        Assert.Equal(3, sobol.Count);
        for (var j = 0; j < 3; j++)
        {
            var s = expected.Sobol[j];
            Assert.Equal(s.Input, sobol[j]["input"]!.Value<string>());
            Assert.Equal(s.First, sobol[j]["first"]!.Value<double>());
            Assert.Equal(s.Total, sobol[j]["total"]!.Value<double>());
            Assert.Equal(s.FirstP05, sobol[j]["firstP05"]!.Value<double>());
            Assert.Equal(s.TotalP95, sobol[j]["totalP95"]!.Value<double>());
        }
    }

    [Fact]
    public async Task A_job_whose_variant_cannot_be_computed_fails_with_a_422_naming_the_fields()
    {
        using var client = Client();
        // Min-max puts each indicator's lowest borough at 0, and a geometric mean cannot take a 0.
        var submitted = await client.PostAsync("/api/frameworks/london/sensitivity",
            ApiFactory.Json("""{"period": "2022", "uncertain": ["aggregate:gmean"], "runs": 4}"""));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var location = submitted.Headers.Location!.ToString();
        var failed = await WaitAsync(client, location, s => s["state"]!.Value<string>() is "succeeded" or "failed");
        Assert.Equal("failed", failed["state"]!.Value<string>());
        Assert.Equal(422, failed["error"]!["status"]!.Value<int>());
        Assert.Equal(["period", "uncertain"], ((JObject)failed["error"]!["errors"]!).Properties().Select(p => p.Name));
        Assert.Contains("gmean", failed["error"]!["detail"]!.Value<string>());
        Assert.Equal(JTokenType.Null, failed["resultLocation"]!.Type);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"{location}/result"), HttpStatusCode.Conflict, "jobId");
    }

    private static void AssertSameAreas(SensitivityResult expected, JArray areas)
    {
        Assert.Equal(expected.Areas.Count, areas.Count);
        for (var i = 0; i < areas.Count; i++)
        {
            var e = expected.Areas[i];
            var a = areas[i];
            Assert.Equal(e.AreaCode, a["areaCode"]!.Value<string>());
            Assert.Equal(e.NominalRank == 0 ? null : e.NominalRank, a["nominalRank"]!.Value<int?>());
            static double? F(double v) => double.IsNaN(v) ? null : v;
            Assert.Equal(F(e.MedianRank), a["medianRank"]!.Value<double?>());
            Assert.Equal(F(e.RankP05), a["rankP05"]!.Value<double?>());
            Assert.Equal(F(e.RankP95), a["rankP95"]!.Value<double?>());
            Assert.Equal(F(e.MeanAbsoluteRankShift), a["meanAbsoluteRankShift"]!.Value<double?>());
        }
    }

    [Fact]
    public async Task An_uncertainty_job_over_methods_and_treatment_gives_the_engine_rank_intervals()
    {
        using var client = Client();
        const string body = """{"period": "2022", "uncertain": ["weights:0.5", "normalise:minmax,zscore", "treat:on,off"], "runs": 40, "seed": 3}""";
        var submitted = await client.PostAsync("/api/frameworks/london/sensitivity", ApiFactory.Json(body));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var location = submitted.Headers.Location!.ToString();
        var done = await WaitAsync(client, location, s => s["state"]!.Value<string>() is "succeeded" or "failed");
        Assert.True(done["state"]!.Value<string>() == "succeeded", done.ToString());

        var result = JObject.Parse(await client.GetStringAsync($"{location}/result"));
        var definition = (await DirectRun.ComputeAsync(Abstractions.ReferencePeriod.ForCalendarYear(2022))).Result.Definition;
        var inputs = new[] { "weights:0.5", "normalise:minmax,zscore", "treat:on,off" }.SelectMany(u => UncertainInput.Parse(u, definition)).ToList();
        var expected = await DirectAsync(new SensitivityOptions { Inputs = inputs, Runs = 40, Seed = 3 });
        Assert.Equal(40, result["runCount"]!.Value<int>());
        Assert.Empty((JArray)result["sobol"]!);
        AssertSameAreas(expected, (JArray)result["areas"]!);
        // Rank intervals are intervals: p05 <= median <= p95 for every ranked borough.
        Assert.All(((JArray)result["areas"]!).Where(a => a["medianRank"]!.Type != JTokenType.Null), a =>
        {
            Assert.True(a["rankP05"]!.Value<double>() <= a["medianRank"]!.Value<double>());
            Assert.True(a["medianRank"]!.Value<double>() <= a["rankP95"]!.Value<double>());
        });
    }

    [Fact]
    public async Task A_running_job_is_cancelled_by_delete_and_its_result_is_then_a_409_naming_jobId()
    {
        using var client = Client();
        // A Sobol design of N = 100,000 over two inputs, 400,000 runs: long enough to be running when the DELETE arrives.
        var submitted = await client.PostAsync("/api/frameworks/london/sensitivity",
            ApiFactory.Json("""{"uncertain": ["weights:0.25"], "runs": 100000, "sobol": true}"""));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var location = submitted.Headers.Location!.ToString();
        await WaitAsync(client, location, s => s["state"]!.Value<string>() != "queued");

        var early = await client.GetAsync($"{location}/result");
        if (early.StatusCode != HttpStatusCode.OK)
        {
            await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict, "jobId");
        }

        var cancel = await client.DeleteAsync(location);
        Assert.Contains(cancel.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK });
        var cancelled = await WaitAsync(client, location, s => s["state"]!.Value<string>() is "cancelled" or "succeeded");
        Assert.Equal("cancelled", cancelled["state"]!.Value<string>());
        Assert.True(cancelled["cancelRequested"]!.Value<bool>());
        Assert.True(cancelled["progress"]!["completed"]!.Value<int>() < 400_000);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"{location}/result"), HttpStatusCode.Conflict, "jobId");

        // DELETE on a finished job forgets it.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(location)).StatusCode);
        await ProblemAssert.IsProblemAsync(await client.GetAsync(location), HttpStatusCode.NotFound, "jobId");
    }

    [Fact]
    public async Task Job_operations_need_the_key()
    {
        using var anonymous = Client(key: false);
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsync("/api/frameworks/london/sensitivity", ApiFactory.Json("""{"uncertain": ["weights:0.25"]}""")),
            HttpStatusCode.Unauthorized, "x-functions-key");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/jobs/0123456789abcdef0123456789abcdef"), HttpStatusCode.Unauthorized, "x-functions-key");
        await ProblemAssert.IsProblemAsync(await anonymous.DeleteAsync("/api/jobs/0123456789abcdef0123456789abcdef"), HttpStatusCode.Unauthorized, "x-functions-key");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/jobs/0123456789abcdef0123456789abcdef/result"), HttpStatusCode.Unauthorized, "x-functions-key");
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_naming_jobId()
    {
        using var client = Client();
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/jobs/0123456789abcdef0123456789abcdef"), HttpStatusCode.NotFound, "jobId");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/jobs/0123456789abcdef0123456789abcdef/result"), HttpStatusCode.NotFound, "jobId");
        await ProblemAssert.IsProblemAsync(await client.DeleteAsync("/api/jobs/0123456789abcdef0123456789abcdef"), HttpStatusCode.NotFound, "jobId");
    }

    [Theory]
    [InlineData("""{}""", "uncertain")]
    [InlineData("""{"uncertain": []}""", "uncertain")]
    [InlineData("""{"uncertain": [3]}""", "uncertain[0]")]
    [InlineData("""{"uncertain": ["weights:0.25", "weights:2"]}""", "uncertain[1]")]
    [InlineData("""{"uncertain": ["aggregate:nosuch"]}""", "uncertain[0]")]
    [InlineData("""{"uncertain": ["weights:0.25"], "runs": 1}""", "runs")]
    [InlineData("""{"uncertain": ["weights:0.25"], "runs": 2.5}""", "runs")]
    [InlineData("""{"uncertain": ["weights:0.25"], "sobol": "yes"}""", "sobol")]
    [InlineData("""{"uncertain": ["weights:0.25"], "bootstrap": 1000000}""", "bootstrap")]
    [InlineData("""{"uncertain": ["weights:0.25"], "uncertainty": {"runs": 5}}""", "uncertainty")]
    [InlineData("""{"uncertain": ["weights:0.25"], "from": "2020"}""", "from")]
    [InlineData("""{"uncertain": ["weights:0.25"], "period": "20x"}""", "period")]
    [InlineData("""{"uncertain": ["weights:0.25"], "weights": {"nosuch": 2}}""", "weights.nosuch")]
    [InlineData("""{"uncertain": ["weights:0.25"], "areas": ["E09000001", "X"]}""", "areas[1]")]
    [InlineData("""{"uncertain": ["weights:0.25"], "extra": 1}""", "extra")]
    public async Task Bad_job_bodies_are_400_problems_naming_the_field(string body, string field)
    {
        using var client = Client();
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/london/sensitivity", ApiFactory.Json(body)), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_job_keeping_more_ranks_than_the_limit_is_a_400_naming_runs()
    {
        using var client = Client();
        // England LSOAs, Sobol N = 2,000: the A and B runs keep 4,000 × 33,755 = 135,020,000 ranks > 100,000,000;
        // at most 100,000,000 / 33,755 / 2 = 1,481 runs fit.
        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/england-lsoa/sensitivity",
            ApiFactory.Json("""{"uncertain": ["weights:0.25"], "runs": 2000, "sobol": true}""")), HttpStatusCode.BadRequest, "runs");
        Assert.Contains("135,020,000", problem["errors"]!["runs"]![0]!.Value<string>());
        Assert.Contains("at most 1,481 runs", problem["errors"]!["runs"]![0]!.Value<string>());
    }

    [Fact]
    public async Task A_job_above_the_job_budget_is_a_400_naming_runs()
    {
        using var small = new ApiFactory(new Dictionary<string, string?> { [WorkLimits.JobBudgetKey] = "100000" });
        using var client = small.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", ApiFactory.Key);
        // Sobol, N = 1,000, d = 2 (weights L1, L2): 1,000 × 4 = 4,000 runs × 33 boroughs × 30 nodes = 3,960,000 cells > 100,000;
        // at most 100,000 / 990 = 101 runs fit.
        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/london/sensitivity",
            ApiFactory.Json("""{"uncertain": ["weights:0.25"], "runs": 1000, "sobol": true}""")), HttpStatusCode.BadRequest, "runs");
        Assert.Contains("3,960,000 cells", problem["errors"]!["runs"]![0]!.Value<string>());
        Assert.Contains("at most 101 runs", problem["errors"]!["runs"]![0]!.Value<string>());
    }
}
