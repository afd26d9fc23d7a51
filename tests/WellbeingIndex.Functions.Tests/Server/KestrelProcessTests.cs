using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Server;

/// <summary>
/// The built standalone server as a user runs it (<c>dotnet WellbeingIndex.Server.dll</c>), over real sockets and
/// Kestrel (<see cref="ServerProcess"/>): it publishes at start-up, computes on request and serves the published run.
/// </summary>
public class KestrelProcessTests
{
    [Fact]
    public async Task The_server_publishes_at_start_and_serves_compute_and_published_runs()
    {
        await using var server = await ServerProcess.StartAsync();
        var client = server.Client;

        var health = JObject.Parse(await client.GetStringAsync("/api/health"));
        Assert.Equal("standalone", health["host"]!.Value<string>());
        Assert.Equal("memory", health["store"]!.Value<string>());

        var compute = await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("""{"period": "2022"}"""));
        Assert.Equal(HttpStatusCode.OK, compute.StatusCode);
        var run = JObject.Parse(await compute.Content.ReadAsStringAsync());
        var expected = await DirectRun.ComputeAsync(Abstractions.ReferencePeriod.ForCalendarYear(2022));
        Assert.Equal(33, run["areas"]!.Count());
        var first = run["areas"]![0]!["scores"]!.First(s => s["nodeCode"]!.Value<string>() == expected.Result.Index.Code);
        var score = expected.Result.Index.Scores[0];
        Assert.Equal(double.IsNaN(score) ? null : score, first["score"]!.Value<double?>());

        // Published once at start-up, before Kestrel listened: the latest run is the default (latest) period's.
        var latest = JObject.Parse(await client.GetStringAsync("/api/frameworks/london/runs/latest"));
        Assert.Equal((await DirectRun.LatestPeriodAsync()).ToString(), latest["run"]!["period"]!.Value<string>());
        Assert.Equal(33, latest["areas"]!.Count());
    }
}
