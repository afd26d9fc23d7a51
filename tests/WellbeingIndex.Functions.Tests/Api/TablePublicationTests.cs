using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Api;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>With WELLBEING_TABLES set, publishing goes to Table Storage (Azurite here) and reads come back from it.</summary>
[Collection(AzuriteCollection.Name)]
public class TablePublicationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_publish_to_tables_is_read_back_through_the_api()
    {
        var prefix = "Api" + Guid.NewGuid().ToString("N")[..12];
        using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            [ApiSettings.TablesKey] = azurite.ConnectionString,
            [ApiSettings.TablePrefixKey] = prefix,
        });
        var client = factory.CreateClient();
        Assert.Equal("tables", (await ApiFactory.JsonAsync(await client.GetAsync("/api/health")))["store"]!.Value<string>());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks/london/publish");
        request.Headers.Add(ApiOperations.KeyHeader, ApiFactory.Key);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);

        // A second app on the same tables (a fresh process in production) sees the run: it came from storage, not memory.
        using var reader = new ApiFactory(new Dictionary<string, string?>
        {
            [ApiSettings.TablesKey] = azurite.ConnectionString,
            [ApiSettings.TablePrefixKey] = prefix,
        });
        var latest = await reader.CreateClient().GetAsync("/api/frameworks/london/runs/latest");
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        var published = await ApiFactory.JsonAsync(latest);

        var period = await DirectRun.LatestPeriodAsync();
        var expected = await DirectRun.ComputeAsync(period);
        Assert.Equal(period.ToString(), published["run"]!["period"]!.Value<string>());
        var index = expected.Result.Index;
        var areas = (JArray)published["areas"]!;
        Assert.Equal(expected.Result.AreaCodes, areas.Select(a => a["areaCode"]!.Value<string>()));
        for (var i = 0; i < areas.Count; i++)
        {
            var s = areas[i]["scores"]!.First(x => x["nodeCode"]!.Value<string>() == index.Code);
            Assert.Equal(double.IsNaN(index.Scores[i]) ? null : index.Scores[i], s["score"]!.Value<double?>());
            Assert.Equal(index.Ranks[i] == 0 ? null : index.Ranks[i], s["rank"]!.Value<int?>());
        }

        var computed = await ApiFactory.JsonAsync(await client.PostAsync("/api/frameworks/london/compute?detail=full", ApiFactory.Json("{}")));
        Assert.True(JToken.DeepEquals(computed["indicatorValues"], published["indicatorValues"]));
    }
}
