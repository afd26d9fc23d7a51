using Newtonsoft.Json.Linq;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// <c>runs/latest</c> answers from bodies rendered once per run id: a new run published while the old one's body is
/// cached is what the next request gets, in JSON and CSV.
/// </summary>
public class LatestRunResponseTests
{
    [Fact]
    public async Task A_newly_published_run_replaces_the_cached_latest_body()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var store = factory.Service<IResultStore>();
        var y2022 = await DirectRun.ComputeAsync(ReferencePeriod.ForCalendarYear(2022));
        var first = await store.PublishAsync(y2022);

        var latest = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/runs/latest"));
        Assert.Equal(first.RunId, latest["run"]!["runId"]!.Value<string>());
        var csv = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks/london/runs/latest");
        csv.Headers.Add("Accept", "text/csv");
        var before = await (await client.SendAsync(csv)).Content.ReadAsStringAsync();

        var y2023 = await DirectRun.ComputeAsync(ReferencePeriod.ForCalendarYear(2023));
        var second = await store.PublishAsync(y2023 with { ComputedAt = y2022.ComputedAt + Duration.FromMinutes(1) });

        latest = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/runs/latest"));
        Assert.Equal(second.RunId, latest["run"]!["runId"]!.Value<string>());
        Assert.Equal("2023", latest["run"]!["period"]!.Value<string>());
        csv = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks/london/runs/latest");
        csv.Headers.Add("Accept", "text/csv");
        var after = await (await client.SendAsync(csv)).Content.ReadAsStringAsync();
        Assert.NotEqual(before, after);
        // The first run stays readable by id, from its own cached body.
        var byId = await ApiFactory.JsonAsync(await client.GetAsync($"/api/frameworks/london/runs/{first.RunId}"));
        Assert.Equal("2022", byId["run"]!["period"]!.Value<string>());
    }
}
