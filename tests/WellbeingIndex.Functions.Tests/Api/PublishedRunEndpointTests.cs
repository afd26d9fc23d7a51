using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Api;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>Publishing over HTTP and at start-up, and reading published runs back (standalone server).</summary>
public class PublishedRunEndpointTests
{
    private static HttpRequestMessage Publish(string framework = "london", string? key = ApiFactory.Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/frameworks/{framework}/publish");
        if (key is not null)
        {
            request.Headers.Add(ApiOperations.KeyHeader, key);
        }

        return request;
    }

    [Fact]
    public async Task A_published_run_is_served_as_latest_by_id_and_in_history()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var published = await client.SendAsync(Publish());
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var run = await ApiFactory.JsonAsync(published);
        var runId = run["runId"]!.Value<string>()!;

        var period = await DirectRun.LatestPeriodAsync();
        Assert.Equal(period.ToString(), run["period"]!.Value<string>());
        Assert.Equal(33, run["areaCount"]!.Value<int>());

        var latest = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/runs/latest"));
        Assert.Equal(runId, latest["run"]!["runId"]!.Value<string>());
        Assert.NotEqual(JTokenType.Null, latest["run"]!["publishedAt"]!.Type);
        var byId = await ApiFactory.JsonAsync(await client.GetAsync($"/api/frameworks/london/runs/{runId}"));
        Assert.True(JToken.DeepEquals(latest, byId));

        // The published scores are the ones a compute of the same period gives.
        var computed = await ApiFactory.JsonAsync(await client.PostAsync("/api/frameworks/london/compute?detail=full", ApiFactory.Json("{}")));
        Assert.Equal(runId, computed["run"]!["runId"]!.Value<string>());
        Assert.True(JToken.DeepEquals(computed["areas"], latest["areas"]));
        Assert.True(JToken.DeepEquals(computed["indicatorValues"], latest["indicatorValues"]));

    }

    [Fact]
    public async Task Published_results_come_as_csv_too()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Publish())).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks/london/areas/E09000007/history");
        request.Headers.Accept.ParseAdd("text/csv");
        var lines = (await (await client.SendAsync(request)).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,time_mode,base,london,london_rank,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2022,base-period,2022,", lines[1], StringComparison.Ordinal);

        request = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks/london/runs/latest");
        request.Headers.Accept.ParseAdd("text/csv");
        var latest = await client.SendAsync(request);
        Assert.Equal("text/csv", latest.Content.Headers.ContentType?.MediaType);
        Assert.Equal(34, (await latest.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Nothing_published_unknown_runs_and_areas_are_404s_naming_the_field()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/runs/latest"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/runs/2022-0000"), HttpStatusCode.NotFound, "runId");
        var notAnId = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/runs/2022%23x%3F"), HttpStatusCode.NotFound, "runId");
        Assert.Contains("is not a run id", notAnId["detail"]!.Value<string>());
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/areas/E06000001/history"), HttpStatusCode.NotFound, "areaCode");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/paris/runs/latest"), HttpStatusCode.NotFound, "id");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/areas/E09000007/history"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/series"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_standalone_needs_the_configured_key()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Publish(key: null)), HttpStatusCode.Unauthorized, ApiOperations.KeyHeader);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Publish(key: "guess")), HttpStatusCode.Unauthorized, ApiOperations.KeyHeader);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Publish("paris")), HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Without_a_configured_key_publishing_over_http_is_refused_with_how_to_configure_it()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { [ApiSettings.PublishKeyKey] = "" });
        var problem = await ProblemAssert.IsProblemAsync(await factory.CreateClient().SendAsync(Publish()), HttpStatusCode.Forbidden);
        Assert.Contains(ApiSettings.PublishKeyKey, problem["detail"]!.Value<string>());
    }

    [Fact]
    public async Task Standalone_publishes_at_start_so_results_are_served_at_once()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { [ApiSettings.PublishOnStartKey] = "true" });
        var response = await factory.CreateClient().GetAsync("/api/frameworks/london/runs/latest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(33, (await ApiFactory.JsonAsync(response))["areas"]!.Count());
        var series = await factory.CreateClient().GetAsync("/api/frameworks/london/series");
        Assert.Equal(HttpStatusCode.OK, series.StatusCode);
        Assert.Equal("base-period", (await ApiFactory.JsonAsync(series))["series"]!["timeMode"]!.Value<string>());
    }
}
