using Newtonsoft.Json.Linq;

namespace WellbeingIndex.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class RankingTests(DashboardFixture page)
{
    [Fact]
    public async Task The_tables_ranks_scores_deciles_and_rank_ranges_are_the_APIs()
    {
        var published = await page.GetAsync("api/frameworks/london/runs/latest");
        // The dashboard asks the compute endpoint for the rank ranges of the published recipe: 200 runs, weights ±25 %
        // (the API's default seed, so the same request gives the same ranges).
        var withRanges = await page.ComputeAsync("london", new JObject
        {
            ["period"] = published["run"]!["period"],
            ["uncertainty"] = new JObject { ["runs"] = 200, ["weightNoise"] = 0.25 },
        });
        page.Open();

        var table = page.Table();
        var expected = Expected.InRankOrder(published);
        Assert.Equal(expected.Select(a => (string)a["areaCode"]!), table.Select(r => r.Code));
        int rank = page.Column("Rank"), score = page.Column("Score"), decile = page.Column("Decile"),
            range = page.Column("Rank range (90%)"), publishedRank = page.Column("Published rank"), area = page.Column("Area");
        var ranges = withRanges["uncertainty"]!.ToDictionary(u => (string)u["areaCode"]!);
        foreach (var (row, api) in table.Zip(expected))
        {
            var s = Expected.IndexScore(api);
            Assert.Equal((string)api["areaName"]!, row.Cells[area]);
            Assert.Equal(Expected.Int(s["rank"]!.Value<int?>()), row.Cells[rank]);
            Assert.Equal(Expected.Int(s["rank"]!.Value<int?>()), row.Cells[publishedRank]);
            Assert.Equal(Expected.OneDecimal(s["score"]!.Value<double?>()), row.Cells[score]);
            Assert.Equal(Expected.Int(s["decile"]!.Value<int?>()), row.Cells[decile]);
            Assert.Equal(Expected.Interval(ranges[row.Code]), row.Cells[range]);
        }

        // At least most boroughs have a real range (the analysis ran): the rank inside its range.
        Assert.True(table.Count(r => r.Cells[range] != "–") >= 30);
    }
}
