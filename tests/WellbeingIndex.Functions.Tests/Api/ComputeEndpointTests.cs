using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Publication;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Api;

public class ComputeEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JObject> ComputeAsync(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute?detail=full", ApiFactory.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JObject.Parse(text);
    }

    /// <summary>Every aggregate score, rank, decile, quintile and coverage, and every indicator value, equals the direct run's.</summary>
    private static void AssertMatches(FrameworkRun expected, JObject actual)
    {
        var result = expected.Result;
        var areas = (JArray)actual["areas"]!;
        Assert.Equal(result.AreaCodes, areas.Select(a => a["areaCode"]!.Value<string>()));
        Assert.Equal(result.AreaNames, areas.Select(a => a["areaName"]!.Value<string>()));
        var aggregates = result.Definition.Nodes.Where(n => n.Type == NodeType.Aggregate).Select(n => result[n.Code]).ToList();
        for (var i = 0; i < areas.Count; i++)
        {
            var scores = ((JArray)areas[i]["scores"]!).ToDictionary(s => s["nodeCode"]!.Value<string>()!);
            Assert.Equal(aggregates.Select(a => a.Code).Order(), scores.Keys.Order());
            foreach (var node in aggregates)
            {
                var s = scores[node.Code];
                var score = node.Scores[i];
                Assert.Equal(double.IsNaN(score) ? null : score, s["score"]!.Value<double?>());
                Assert.Equal(node.Ranks[i] == 0 ? null : node.Ranks[i], s["rank"]!.Value<int?>());
                Assert.Equal(node.Ranks[i] == 0 ? null : node.Deciles[i], s["decile"]!.Value<int?>());
                Assert.Equal(node.Ranks[i] == 0 ? null : node.Quintiles[i], s["quintile"]!.Value<int?>());
                Assert.Equal(node.HasCoverage ? node.Coverage[i] : null, s["coverage"]!.Value<double?>());
            }
        }

        var values = (JArray)actual["indicatorValues"]!;
        Assert.Equal(result.Definition.Indicators.Length * result.AreaCodes.Length, values.Count);
        foreach (var v in values)
        {
            var code = v["indicatorCode"]!.Value<string>()!;
            var i = result.AreaCodes.IndexOf(v["areaCode"]!.Value<string>()!);
            var raw = expected.Values[code][i];
            Assert.Equal(raw.Value, v["rawValue"]!.Value<double?>());
            Assert.Equal(raw.Period?.ToString(), v["periodUsed"]!.Value<string?>());
            Assert.Equal(raw.Status.ToString(), v["status"]!.Value<string>(), ignoreCase: true);
            Assert.Equal(expected.Metadata[code].Publisher, v["publisher"]!.Value<string>());
        }
    }

    [Fact]
    public async Task An_empty_body_computes_every_borough_at_the_latest_period()
    {
        var period = await DirectRun.LatestPeriodAsync();
        var expected = await DirectRun.ComputeAsync(period);
        var actual = await ComputeAsync("");

        Assert.Equal(period.ToString(), actual["run"]!["period"]!.Value<string>());
        Assert.False(actual["run"]!["whatIf"]!.Value<bool>());
        Assert.Equal(JTokenType.Null, actual["run"]!["publishedAt"]!.Type);
        Assert.Equal(33, ((JArray)actual["areas"]!).Count);
        AssertMatches(expected, actual);
    }

    [Fact]
    public async Task Uncertainty_gives_each_borough_a_rank_interval_around_its_rank()
    {
        var actual = await ComputeAsync("""{"period": "2022", "uncertainty": {"runs": 100, "weightNoise": 0.5, "seed": 7}}""");

        var areas = (JArray)actual["areas"]!;
        var spread = (JArray)actual["uncertainty"]!;
        Assert.Equal(areas.Count, spread.Count);
        for (var i = 0; i < areas.Count; i++)
        {
            var rank = areas[i]["scores"]!.First(s => s["nodeCode"]!.Value<string>() == "london")["rank"]!.Value<int?>();
            Assert.Equal(areas[i]["areaCode"]!.Value<string>(), spread[i]["areaCode"]!.Value<string>());
            Assert.Equal(rank, spread[i]["nominalRank"]!.Value<int?>());
            if (rank is not null)
            {
                // The 5-95 % interval of ranks over the runs is ordered and holds the median.
                var (p05, median, p95) = (spread[i]["rankP05"]!.Value<double>(), spread[i]["medianRank"]!.Value<double>(), spread[i]["rankP95"]!.Value<double>());
                Assert.True(1 <= p05 && p05 <= median && median <= p95 && p95 <= 33, $"{p05} {median} {p95}");
            }
        }

        // Without noise every run repeats the nominal ranking: the interval collapses to the rank itself.
        var fixedWeights = await ComputeAsync("""{"period": "2022", "uncertainty": {"runs": 10, "weightNoise": 0}}""");
        Assert.All((JArray)fixedWeights["uncertainty"]!, u =>
        {
            if (u["nominalRank"]!.Value<int?>() is not null)
            {
                Assert.Equal(u["nominalRank"]!.Value<double>(), u["rankP05"]!.Value<double>());
                Assert.Equal(u["nominalRank"]!.Value<double>(), u["rankP95"]!.Value<double>());
            }
        });
        Assert.Null((await ComputeAsync("""{"period": "2022"}"""))["uncertainty"]);
    }

    [Fact]
    public async Task An_area_without_an_index_score_gets_null_rank_figures_never_NaN()
    {
        // At the latest period the City of London has 2 of its 4 domains (pay and affordability withheld), below the
        // index's minimum coverage of 0.75: no index score, so no rank in any run. The whole document must still be
        // written (NaN is not JSON), with nulls for that area.
        var actual = await ComputeAsync("""{"uncertainty": {"runs": 20, "weightNoise": 0.25}}""");
        var city = ((JArray)actual["areas"]!).Single(a => a["areaCode"]!.Value<string>() == "E09000001");
        Assert.Equal(JTokenType.Null, city["scores"]![0]!["score"]!.Type);
        var spread = ((JArray)actual["uncertainty"]!).Single(u => u["areaCode"]!.Value<string>() == "E09000001");
        foreach (var field in new[] { "nominalRank", "medianRank", "rankP05", "rankP95", "meanAbsoluteRankShift" })
        {
            Assert.Equal(JTokenType.Null, spread[field]!.Type);
        }

        Assert.Equal(32, ((JArray)actual["uncertainty"]!).Count(u => u["rankP05"]!.Type != JTokenType.Null));
    }

    [Fact]
    public async Task The_rank_one_borough_has_the_highest_index_score()
    {
        // Hand-checkable: rank 1 is defined as the highest score, and with 33 ranked boroughs rank r is in decile ⌈10r/33⌉
        // (so rank 4 is decile ⌈40/33⌉ = 2) and quintile ⌈5r/33⌉ (rank 7 is quintile ⌈35/33⌉ = 2).
        var actual = await ComputeAsync("""{"period": "2022"}""");
        var index = ((JArray)actual["areas"]!).Select(a => a["scores"]!.First(s => s["nodeCode"]!.Value<string>() == "london")).ToList();
        var ranked = index.Where(s => s["rank"]!.Type != JTokenType.Null).ToList();
        var max = ranked.Max(s => s["score"]!.Value<double>());
        Assert.Equal(max, ranked.Single(s => s["rank"]!.Value<int>() == 1)["score"]!.Value<double>());
        foreach (var s in ranked)
        {
            var r = s["rank"]!.Value<int>();
            Assert.Equal((int)Math.Ceiling(10.0 * r / ranked.Count), s["decile"]!.Value<int>());
            Assert.Equal((int)Math.Ceiling(5.0 * r / ranked.Count), s["quintile"]!.Value<int>());
        }
    }

    [Fact]
    public async Task A_period_and_a_subset_of_areas_are_honoured_in_the_order_given()
    {
        string[] areas = ["E09000033", "E09000002", "E09000019"];
        // 2022: the earliest calendar year every London indicator has data for (children in low income start in 2021/22).
        var expected = await DirectRun.ComputeAsync(ReferencePeriod.ForCalendarYear(2022), areas);
        var actual = await ComputeAsync("""{"period": "2022", "areas": ["E09000033", "E09000002", "E09000019"]}""");
        Assert.Equal("2022", actual["run"]!["period"]!.Value<string>());
        AssertMatches(expected, actual);
    }

    [Fact]
    public async Task A_what_if_equals_the_runner_on_the_changed_definition()
    {
        var london = DirectRun.London.Definition;
        var domain = london.ChildrenOf(london.Root.Code)[0].Code;
        var variant = london.With(
            nodes: london.Nodes.Select(n => n.Code == domain ? n with { Weight = 3 } : n with { Normalise = null, Aggregate = null }).ToList(),
            steps: london.Steps.Select(s => s.Step switch
            {
                StepNames.Normalise => s with { Method = MethodSpec.Of("rank") },
                StepNames.Aggregate => s with { Method = MethodSpec.Of("gmean") },
                _ => s,
            }).ToList(),
            levels: london.Levels.Select(l => l with { Aggregate = null }).ToList());
        var period = ReferencePeriod.ForCalendarYear(2022);
        var expected = await DirectRun.ComputeAsync(period, definition: variant);
        var baseline = await ComputeAsync("""{"period": "2022"}""");

        var actual = await ComputeAsync($$$"""
            {"period": "2022", "weights": {"{{{domain}}}": 3}, "normalise": {"method": "rank"}, "aggregate": {"method": "gmean"}}
            """);
        Assert.True(actual["run"]!["whatIf"]!.Value<bool>());
        Assert.NotEqual(baseline["run"]!["runId"]!.Value<string>(), actual["run"]!["runId"]!.Value<string>());
        Assert.Equal(3, actual["definition"]!["nodes"]!.First(n => n["code"]!.Value<string>() == domain)["weight"]!.Value<double>());
        AssertMatches(expected, actual);
    }

    [Fact]
    public async Task Compute_never_publishes()
    {
        await ComputeAsync("""{"period": "2022"}""");
        Assert.Null(await factory.Service<IResultStore>().GetLatestRunAsync("london"));
        var latest = await factory.CreateClient().GetAsync("/api/frameworks/london/runs/latest");
        await ProblemAssert.IsProblemAsync(latest, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Csv_has_one_row_per_area_with_the_json_numbers()
    {
        var json = await ComputeAsync("""{"period": "2022"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks/london/compute") { Content = ApiFactory.Json("""{"period": "2022"}""") };
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(34, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(["area_code", "area_name", "london", "london_rank", "london_decile", "london_quintile", "london_coverage"], header[..7]);

        var barnet = json["areas"]!.First(a => a["areaCode"]!.Value<string>() == "E09000003");
        var row = lines.Single(l => l.StartsWith("E09000003,", StringComparison.Ordinal)).Split(',');
        var index = barnet["scores"]!.First(s => s["nodeCode"]!.Value<string>() == "london");
        Assert.Equal(index["score"]!.Value<double>(), double.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(index["rank"]!.Value<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), row[3]);
    }
}
