using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Functions.HttpTriggers;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>
/// Each HTTP function class called directly, as the worker calls it: a request from a DefaultHttpContext, a test
/// FunctionContext. Answers are checked against the framework file, the published data (DirectRun) or the store.
/// </summary>
public class HttpFunctionTests
{
    private const string Camden = "E09000007";

    [Fact]
    public async Task Health_says_it_runs_under_the_functions_host_on_memory_without_an_in_process_timer()
    {
        using var host = new FunctionHost();
        var request = host.Request("GET", "/api/health");
        var health = await FunctionHost.JsonAsync(host.Function<HealthFunction>().Run(request, host.Context(request)), request);
        Assert.Equal("ok", health["status"]!.Value<string>());
        Assert.Equal("azure-functions", health["host"]!.Value<string>());
        Assert.Equal("memory", health["store"]!.Value<string>());
        Assert.Equal(JTokenType.Null, health["nextScheduledPublish"]!.Type); // the host's PublishIndex timer publishes
    }

    [Fact]
    public async Task ListFrameworks_and_GetFramework_describe_london_as_its_file_does()
    {
        // indicators/frameworks/london.json: 21 indicator nodes in 8 domains; london.areas.json: the 33 London boroughs.
        var file = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "indicators", "frameworks", "london.json")));
        var indicators = file["nodes"]!.Count(n => n["type"]!.Value<string>() == "indicator");
        Assert.Equal(21, indicators);

        using var host = new FunctionHost();
        var list = host.Request("GET", "/api/frameworks");
        var frameworks = await FunctionHost.JsonAsync(host.Function<ListFrameworksFunction>().Run(list, host.Context(list)), list);
        // london, england-la (296 districts, 2024 codes) and the small-area frameworks england-lsoa and imd2025 (33,755 LSOAs each).
        Assert.Equal(["england-la", "england-lsoa", "imd2025", "london"], frameworks.Select(f => f["id"]!.Value<string>()));
        Assert.Equal(296, frameworks[0]!["areaCount"]!.Value<int>());
        Assert.Equal(33_755, frameworks[1]!["areaCount"]!.Value<int>());
        var london = frameworks.Single(f => f["id"]!.Value<string>() == "london");
        Assert.Equal(33, london["areaCount"]!.Value<int>());
        Assert.Equal(indicators, london["indicatorCount"]!.Value<int>());

        var get = host.Request("GET", "/api/frameworks/london");
        var detail = await FunctionHost.JsonAsync(host.Function<GetFrameworkFunction>().Run(get, "london", host.Context(get)), get);
        Assert.Equal(file["name"]!.Value<string>(), detail["definition"]!["name"]!.Value<string>());
        Assert.Equal(file["nodes"]!.Count(), detail["definition"]!["nodes"]!.Count());
        Assert.Equal(33, detail["areas"]!.Count());
        Assert.Contains(detail["areas"]!, a => a["code"]!.Value<string>() == Camden && a["name"]!.Value<string>() == "Camden");
    }

    [Fact]
    public void GetFramework_of_an_unknown_framework_is_a_404_naming_id()
    {
        using var host = new FunctionHost();
        var request = host.Request("GET", "/api/frameworks/paris");
        var e = Assert.Throws<ApiException>(() => host.Function<GetFrameworkFunction>().Run(request, "paris", host.Context(request)));
        Assert.Equal(404, e.Problem.Status);
        Assert.Equal(["id"], e.Problem.Errors!.Keys);
    }

    [Fact]
    public async Task ListIndicators_lists_every_discovered_provider_with_the_framework_nodes_using_it()
    {
        using var host = new FunctionHost();
        var request = host.Request("GET", "/api/indicators");
        var list = await FunctionHost.JsonAsync(await host.Function<ListIndicatorsFunction>().Run(request, host.Context(request)), request);
        var expected = DirectRun.London.Definition.Indicators.Where(n => n.Provider is not null).Select(n => (n.Provider!, n.Code)).ToList();
        var used = list.SelectMany(p => p["usedBy"]!.Where(u => u["framework"]!.Value<string>() == "london")
            .Select(u => (p["metadata"]!["id"]!.Value<string>()!, u["indicator"]!.Value<string>()!))).ToList();
        Assert.Equal(expected.Order(), used.Order());
    }

    [Fact]
    public async Task ComputeIndex_computes_what_the_runner_computes_and_never_publishes()
    {
        using var host = new FunctionHost();
        var request = host.Request("POST", "/api/frameworks/london/compute", """{"period": "2022"}""");
        var run = await FunctionHost.JsonAsync(await host.Function<ComputeIndexFunction>().Run(request, "london", host.Context(request)), request);
        var expected = await DirectRun.ComputeAsync(ReferencePeriod.ForCalendarYear(2022));
        var index = expected.Result.Index;
        var areas = (JArray)run["areas"]!;
        Assert.Equal(expected.Result.AreaCodes, areas.Select(a => a["areaCode"]!.Value<string>()));
        for (var i = 0; i < areas.Count; i++)
        {
            var score = areas[i]["scores"]!.First(s => s["nodeCode"]!.Value<string>() == index.Code);
            Assert.Equal(double.IsNaN(index.Scores[i]) ? null : index.Scores[i], score["score"]!.Value<double?>());
        }

        Assert.Null(await host.Get<IResultStore>().GetLatestRunAsync("london"));
    }

    [Fact]
    public async Task ComputeIndex_with_a_bad_period_is_a_400_naming_period()
    {
        using var host = new FunctionHost();
        var request = host.Request("POST", "/api/frameworks/london/compute", """{"period": "20x2"}""");
        var e = await Assert.ThrowsAsync<ApiException>(() => host.Function<ComputeIndexFunction>().Run(request, "london", host.Context(request)));
        Assert.Equal(400, e.Problem.Status);
        Assert.Equal(["period"], e.Problem.Errors!.Keys);
    }

    [Fact]
    public async Task PublishFramework_publishes_and_the_run_functions_read_it_back()
    {
        using var host = new FunctionHost();
        var latestRequest = host.Request("GET", "/api/frameworks/london/runs/latest");
        var missing = await Assert.ThrowsAsync<ApiException>(() => host.Function<GetLatestRunFunction>().Run(latestRequest, "london", host.Context(latestRequest)));
        Assert.Equal(404, missing.Problem.Status);

        // Under the Functions host the trigger's authorization level (Function) is checked by the host: no key here.
        var publish = host.Request("POST", "/api/frameworks/london/publish");
        var published = await FunctionHost.JsonAsync(await host.Function<PublishFrameworkFunction>().Run(publish, "london", host.Context(publish)), publish);
        Assert.Equal(201, publish.HttpContext.Response.StatusCode);
        var stored = (await host.Get<IResultStore>().GetLatestRunAsync("london"))!;
        Assert.Equal(stored.RunId, published["runId"]!.Value<string>());
        Assert.Equal((await DirectRun.LatestPeriodAsync()).ToString(), published["period"]!.Value<string>());

        var latest = host.Request("GET", "/api/frameworks/london/runs/latest");
        var latestRun = await FunctionHost.JsonAsync(await host.Function<GetLatestRunFunction>().Run(latest, "london", host.Context(latest)), latest);
        Assert.Equal(stored.RunId, latestRun["run"]!["runId"]!.Value<string>());

        var byId = host.Request("GET", $"/api/frameworks/london/runs/{stored.RunId}", accept: "text/csv");
        var (status, media, csv) = await FunctionHost.ExecuteAsync(
            await host.Function<GetRunFunction>().Run(byId, "london", stored.RunId, host.Context(byId)), byId);
        Assert.Equal((200, "text/csv"), (status, media));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 33, lines.Length); // header + one row per borough
        Assert.StartsWith("area_code,area_name,", lines[0]);

        var history = host.Request("GET", $"/api/frameworks/london/areas/{Camden}/history");
        var camden = await FunctionHost.JsonAsync(
            await host.Function<GetAreaHistoryFunction>().Run(history, "london", Camden, host.Context(history)), history);
        Assert.Equal("Camden", camden["areaName"]!.Value<string>());
        var storedSeries = (await host.Get<IResultStore>().GetLatestSeriesAsync("london"))!;
        Assert.Equal(storedSeries.SeriesId, camden["seriesId"]!.Value<string>());
        Assert.Equal("base-period", camden["timeMode"]!.Value<string>());

        var seriesRequest = host.Request("GET", "/api/frameworks/london/series?from=2023&to=2024");
        var series = await FunctionHost.JsonAsync(await host.Function<GetSeriesFunction>().Run(seriesRequest, "london", host.Context(seriesRequest)), seriesRequest);
        Assert.Equal(storedSeries.SeriesId, series["series"]!["seriesId"]!.Value<string>());
        Assert.Equal(["2023", "2024"], series["periods"]!.Select(p => p["period"]!.Value<string>()));
        Assert.All(series["periods"]!, p => Assert.Equal(33, p["areas"]!.Count()));

        var badRequest = host.Request("GET", "/api/frameworks/london/series?to=20x2");
        var bad = await Assert.ThrowsAsync<ApiException>(() => host.Function<GetSeriesFunction>().Run(badRequest, "london", host.Context(badRequest)));
        Assert.Equal(400, bad.Problem.Status);
        Assert.Equal(["to"], bad.Problem.Errors!.Keys);
    }

    [Fact]
    public async Task GetRun_refuses_a_malformed_run_id_before_the_store_sees_it()
    {
        using var host = new FunctionHost();
        var request = host.Request("GET", "/api/frameworks/london/runs/x");
        var e = await Assert.ThrowsAsync<ApiException>(() => host.Function<GetRunFunction>().Run(request, "london", "2023#x", host.Context(request)));
        Assert.Equal(404, e.Problem.Status);
        Assert.Equal(["runId"], e.Problem.Errors!.Keys);
    }
}
