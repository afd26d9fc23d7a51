using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// The London series published over HTTP and read back (standalone server): <c>GET .../series</c>, the history that
/// comes from it, what-if compute over a period range, and problems for bad from/to.
/// </summary>
public class SeriesEndpointTests
{
    private const string Camden = "E09000007";

    private static async Task<HttpClient> PublishedAsync(ApiFactory factory)
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks/london/publish");
        request.Headers.Add(ApiOperations.KeyHeader, ApiFactory.Key);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
        return client;
    }

    [Fact]
    public async Task The_london_series_is_served_and_history_equals_it_with_mode_and_base()
    {
        using var factory = new ApiFactory();
        var client = await PublishedAsync(factory);
        var latestPeriod = await DirectRun.LatestPeriodAsync();

        var series = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/series"));
        var info = series["series"]!;
        // london.json: "time": {"mode": "base-period", "base": "2022", "from": "2022"}; the span ends at the latest year.
        Assert.Equal("base-period", info["timeMode"]!.Value<string>());
        Assert.Equal("2022", info["base"]!.Value<string>());
        Assert.Equal("2022", info["from"]!.Value<string>());
        Assert.Equal(latestPeriod.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), info["to"]!.Value<string>());
        Assert.NotEqual(JTokenType.Null, info["publishedAt"]!.Type);
        Assert.False(info["whatIf"]!.Value<bool>());
        var periods = (JArray)series["periods"]!;
        Assert.Equal(latestPeriod.Start.Year - 2022 + 1, periods.Count);
        Assert.All(periods, p => Assert.Equal(33, p["areas"]!.Count()));
        Assert.Equal("base-period", series["definition"]!["time"]!["mode"]!.Value<string>());

        var history = await ApiFactory.JsonAsync(await client.GetAsync($"/api/frameworks/london/areas/{Camden}/history"));
        Assert.Equal("Camden", history["areaName"]!.Value<string>());
        Assert.Equal(info["seriesId"]!.Value<string>(), history["seriesId"]!.Value<string>());
        Assert.Equal("base-period", history["timeMode"]!.Value<string>());
        Assert.Equal("2022", history["base"]!.Value<string>());
        var entries = (JArray)history["periods"]!;
        Assert.Equal(periods.Count, entries.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var camden = periods[i]["areas"]!.Single(a => a["areaCode"]!.Value<string>() == Camden);
            Assert.Equal(periods[i]["period"]!.Value<string>(), entries[i]["period"]!.Value<string>());
            Assert.True(JToken.DeepEquals(camden["scores"], entries[i]["scores"]));
        }

        // The same span computed without what-if is the published series, id and all; nothing is stored by it.
        var computed = await ApiFactory.JsonAsync(await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("{\"from\": \"2022\"}")));
        Assert.Equal(info["seriesId"]!.Value<string>(), computed["series"]!["seriesId"]!.Value<string>());
        Assert.Equal(JTokenType.Null, computed["series"]!["publishedAt"]!.Type);
        Assert.True(JToken.DeepEquals(series["periods"], computed["periods"]));
    }

    [Fact]
    public async Task From_and_to_narrow_the_series_and_csv_has_a_row_per_period_and_area()
    {
        using var factory = new ApiFactory();
        var client = await PublishedAsync(factory);
        var all = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/series"));

        var narrowed = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/series?from=2023&to=2024"));
        Assert.Equal(["2023", "2024"], narrowed["periods"]!.Select(p => p["period"]!.Value<string>()));
        Assert.Equal("2023", narrowed["series"]!["from"]!.Value<string>());
        Assert.True(JToken.DeepEquals(all["periods"]![1], narrowed["periods"]![0]));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks/london/series?from=2023&to=2023");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 33, lines.Length);
        Assert.StartsWith("period,area_code,area_name,london,london_rank,", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2023,E09", l, StringComparison.Ordinal));
        Assert.DoesNotContain("NaN", string.Join("\n", lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_from_and_to_are_problems_naming_the_field()
    {
        using var factory = new ApiFactory();
        var client = await PublishedAsync(factory);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/series?from=twenty"), HttpStatusCode.BadRequest, "from");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/series?to=2023-13"), HttpStatusCode.BadRequest, "to");
        var outside = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/series?from=2015"), HttpStatusCode.BadRequest, "from");
        Assert.Contains("not a period of the published series", outside["detail"]!.Value<string>());
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/series?from=2024&to=2023"), HttpStatusCode.BadRequest, "from");

        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("{\"from\": \"2024\", \"to\": \"2023\"}")),
            HttpStatusCode.BadRequest, "from");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("{\"to\": 2022}")),
            HttpStatusCode.BadRequest, "to");
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("{\"period\": \"2023\", \"from\": \"2022\"}")),
            HttpStatusCode.BadRequest, "period");
        // london.json's base is 2022: a range without it cannot be scored against it.
        var noBase = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("{\"from\": \"2023\"}")),
            HttpStatusCode.BadRequest, "from");
        Assert.Contains("base period 2022", noBase["detail"]!.Value<string>());
    }

    [Fact]
    public async Task A_what_if_over_a_range_differs_from_the_series_and_is_not_stored()
    {
        using var factory = new ApiFactory();
        var client = await PublishedAsync(factory);
        var published = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/series?from=2022&to=2023"));

        var response = await client.PostAsync("/api/frameworks/london/compute",
            ApiFactory.Json("{\"from\": \"2022\", \"to\": \"2023\", \"aggregate\": {\"method\": \"min\"}}"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var whatIf = await ApiFactory.JsonAsync(response);
        Assert.True(whatIf["series"]!["whatIf"]!.Value<bool>());
        Assert.Equal("base-period", whatIf["series"]!["timeMode"]!.Value<string>());
        Assert.Equal(["2022", "2023"], whatIf["periods"]!.Select(p => p["period"]!.Value<string>()));
        Assert.NotEqual(published["series"]!["seriesId"]!.Value<string>(), whatIf["series"]!["seriesId"]!.Value<string>());
        Assert.False(JToken.DeepEquals(published["periods"], whatIf["periods"]));

        var latest = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/series"));
        Assert.Equal(published["series"]!["seriesId"]!.Value<string>(), latest["series"]!["seriesId"]!.Value<string>());
    }
}
