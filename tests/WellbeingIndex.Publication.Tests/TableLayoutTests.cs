using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Engine.Inequality;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;
using WellbeingIndex.Tests;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Publication.Tests;

/// <summary>
/// The tables as a dashboard reads them (functions/TABLES.md): keys, packed blocks unpacked with a plain JSON parser,
/// per-area rows for small runs, place roll-ups, pointer and run status.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableLayoutTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "L" + Guid.NewGuid().ToString("N")[..16];
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    [Fact]
    public async Task Blocks_hold_each_node_and_indicator_as_json_arrays_in_run_order()
    {
        var store = new TableResultStore(azurite.ConnectionString, _prefix, new FakeClock(Instant.FromUtc(2024, 6, 2, 9, 0)));
        var run = await store.PublishAsync(TestRuns.Build());
        var partition = $"test-index|{run.RunId}|0000";

        var rows = (await _service.GetTableClient(_prefix + "RunBlocks").QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync())
            .ToDictionary(e => e.RowKey);
        Assert.Equal(["areas", "indicator|benefits", "indicator|pay", "indicator|rent", "node|housing", "node|income", "node|index"], rows.Keys.Order(StringComparer.Ordinal));

        var areas = rows["areas"];
        Assert.Equal(0, areas.GetInt32("First"));
        Assert.Equal(4, areas.GetInt32("Count"));
        Assert.Equal("[\"E09000001\",\"E09000002\",\"E09000003\",\"E09000004\"]", areas.GetString("AreaCodes"));
        Assert.Equal("[\"City of London\",\"Barking and Dagenham\",\"Barnet\",\"Bexley\"]", areas.GetString("AreaNames"));

        // Hand-computed in ResultStoreConformanceTests: index 50, 33.3, 66.7, 50; ranks 2, 4, 1, 2; deciles 5, 10, 3, 5.
        var index = rows["node|index"];
        Assert.Equal("index", index.GetString("Node"));
        Assert.Equal(0, index.GetInt32("NodeOrder"));
        var scores = JsonSerializer.Deserialize<double[]>(index.GetString("Scores"))!;
        Assert.Equal([50, 100.0 / 3, 200.0 / 3, 50], scores, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal("[2,4,1,2]", index.GetString("Ranks"));
        Assert.Equal("[5,10,3,5]", index.GetString("Deciles"));
        Assert.Equal("[3,5,2,3]", index.GetString("Quintiles"));
        Assert.Equal("[1,1,1,1]", index.GetString("Coverage"));
        Assert.Equal("[1,1,0.5,1]", rows["node|income"].GetString("Coverage")); // Barnet has pay only

        var benefits = rows["indicator|benefits"];
        Assert.Equal(1, benefits.GetInt32("IndicatorOrder"));
        Assert.Equal("[4,3,null,1]", benefits.GetString("RawValues"));
        Assert.Equal("[\"Ok\",\"Ok\",\"Suppressed\",\"Ok\"]", benefits.GetString("Statuses"));
        Assert.Equal("[null,null,\"Publisher: fewer than 10 claimants\",null]", benefits.GetString("Reasons"));
        Assert.Equal("[\"2023\",\"2023\",\"2023\",\"2023\"]", benefits.GetString("PeriodsUsed"));
        Assert.Equal("benefits-provider", benefits.GetString("ProviderId"));
        Assert.Equal("https://www.ons.gov.uk/benefits", benefits.GetString("Url"));
        // rent −(100, 300, 200, 400) min-max: 100, 33.3, 66.7, 0.
        var rent = JsonSerializer.Deserialize<double[]>(rows["indicator|rent"].GetString("NormalisedValues"))!;
        Assert.Equal([100, 100.0 / 3, 200.0 / 3, 0], rent, (a, b) => Math.Abs(a - b) < 1e-9);

        var pointer = await _service.GetTableClient(_prefix + "Latest").GetEntityAsync<TableEntity>("latest", "test-index");
        Assert.Equal(run.RunId, pointer.Value.GetString("RunId"));
        Assert.Equal("2023", pointer.Value.GetString("Period"));
        var row = await _service.GetTableClient(_prefix + "Runs").GetEntityAsync<TableEntity>("test-index", run.RunId);
        Assert.Equal("complete", row.Value.GetString("Status"));
        Assert.Equal("[\"index\",\"income\",\"housing\"]", row.Value.GetString("Nodes"));
        Assert.Equal(run.DefinitionJson, row.Value.GetString("DefinitionJson"));
        Assert.Equal(EngineFingerprint.Current, row.Value.GetString("Engine"));
    }

    [Fact]
    public async Task Runs_of_up_to_1000_areas_also_get_one_area_score_row_per_area()
    {
        var store = new TableResultStore(azurite.ConnectionString, _prefix, new FakeClock(Instant.FromUtc(2024, 6, 2, 9, 0)));
        var run = await store.PublishAsync(TestRuns.Synthetic(1000, TestRuns.Noon2024));

        Assert.Equal(new Dictionary<string, int> { [$"test-index|{run.RunId}|0000"] = 1000 }, await CountByPartitionAsync("AreaScores"));
        // One block: 1 area row + 3 node rows + 3 indicator rows.
        Assert.Equal(new Dictionary<string, int> { [$"test-index|{run.RunId}|0000"] = 7 }, await CountByPartitionAsync("RunBlocks"));
        var block = await _service.GetTableClient(_prefix + "RunBlocks").GetEntityAsync<TableEntity>($"test-index|{run.RunId}|0000", "areas");
        Assert.Equal(0, block.Value.GetInt32("First"));
        Assert.Equal(1000, block.Value.GetInt32("Count"));
        Assert.Equal("E01001000", JsonSerializer.Deserialize<string[]>(block.Value.GetString("AreaCodes"))![999]);
        var last = await _service.GetTableClient(_prefix + "AreaScores").GetEntityAsync<TableEntity>($"test-index|{run.RunId}|0000", "E01001000");
        Assert.Equal(999, last.Value.GetInt32("Order"));
        Assert.Equal("Area 1000", last.Value.GetString("AreaName"));
    }

    [Fact]
    public async Task Larger_runs_are_blocks_only_and_read_back_whole()
    {
        var store = new TableResultStore(azurite.ConnectionString, _prefix, new FakeClock(Instant.FromUtc(2024, 6, 2, 9, 0)));
        var source = TestRuns.Synthetic(5001, TestRuns.Noon2024);
        var run = await store.PublishAsync(source);

        Assert.Empty(await CountByPartitionAsync("AreaScores"));
        var blocks = await CountByPartitionAsync("RunBlocks");
        Assert.Equal(6, blocks.Count); // ⌈5001 / 1000⌉
        Assert.Equal(6 * 7, blocks.Values.Sum());

        var reader = new TableResultStore(azurite.ConnectionString, _prefix);
        var scores = await reader.GetAreaScoresAsync("test-index", run.RunId);
        var values = await reader.GetIndicatorValuesAsync("test-index", run.RunId);
        Assert.Equal(source.Result.AreaCodes, scores.Select(s => s.AreaCode));
        Assert.Equal(source.Result.Index.Scores.ToArray(), scores.Select(s => s["index"].Score ?? double.NaN));
        Assert.Equal(3 * 5001, values.Count);
        Assert.Equal(source.Values["benefits"].Select(v => v.Value), values.Skip(5001).Take(5001).Select(v => v.RawValue));
        Assert.Equal("E01005001", values[^1].AreaCode);
    }

    [Fact]
    public async Task A_publish_dying_midway_leaves_a_writing_run_row_and_the_pointer_untouched()
    {
        var store = new TableResultStore(new TableServiceClient(azurite.ConnectionString), _prefix, SystemClock.Instance,
            (n, _) => n >= 1 ? throw new IOException("injected") : ValueTask.CompletedTask, parallelTransactions: 1);

        await Assert.ThrowsAsync<IOException>(() => store.PublishAsync(TestRuns.Build()));

        var runs = await _service.GetTableClient(_prefix + "Runs").QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("writing", Assert.Single(runs).GetString("Status"));
        Assert.Null(Assert.Single(runs).GetDateTimeOffset("PublishedAt"));
        Assert.Empty(await _service.GetTableClient(_prefix + "Latest").QueryAsync<TableEntity>().ToListAsync());
        // Units run one at a time here: the area-score rows (0) were written, the block (1) was not.
        Assert.Equal(4, (await _service.GetTableClient(_prefix + "AreaScores").QueryAsync<TableEntity>().ToListAsync()).Count);
        Assert.Empty(await _service.GetTableClient(_prefix + "RunBlocks").QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task Place_roll_ups_are_one_row_per_node_and_place()
    {
        var source = TestRuns.Build();
        // Index 50, 33.3 in P1 and 66.7, 50 in P2, equal weights. P1: mean 41.667; Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2n²μ)
        // = 2 · 16.667 / (2 · 4 · 41.667) = 0.1. P2: mean 58.333; Gini = 33.333 / (8 · 58.333) = 1/14.
        var summaries = PlaceSummaries.Compute(source.Result.Index.Scores, [1, 1, 1, 1], ["P1", "P1", "P2", "P2"], higherIsWorse: false);
        var rollup = new PlaceRollup(TestRuns.FrameworkId, source.Period, "index", PlaceLevel.LocalAuthority, false, "one each", summaries,
            new Dictionary<string, string> { ["P1"] = "Place one", ["P2"] = "Place two" });
        var store = new TableResultStore(azurite.ConnectionString, _prefix);
        var run = await store.PublishAsync(source, [rollup]);

        var rows = await _service.GetTableClient(_prefix + "Places").QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal([$"test-index|{run.RunId}|la"], rows.Select(r => r.PartitionKey).Distinct());
        Assert.Equal(["index|P1", "index|P2"], rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        var p1 = rows.Single(r => r.RowKey == "index|P1");
        Assert.Equal("Place one", p1.GetString("PlaceName"));
        Assert.Equal("la", p1.GetString("Level"));
        Assert.Equal(2, p1.GetInt32("Areas"));
        Assert.Equal(2.0, p1.GetDouble("Population"));
        Assert.Equal(125.0 / 3, p1.GetDouble("Mean")!.Value, 9);
        Assert.Equal(0.1, p1.GetDouble("Gini")!.Value, 9);
        Assert.Equal(1.0 / 14, rows.Single(r => r.RowKey == "index|P2").GetDouble("Gini")!.Value, 9);
        Assert.False(p1.GetBoolean("HigherIsWorse"));

        var wrong = rollup with { FrameworkId = "other" };
        Assert.Contains("not of this run", (await Assert.ThrowsAsync<ArgumentException>(() => store.PublishAsync(source, [wrong]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cached_latest_run_is_revalidated_against_the_pointer()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 6, 2, 9, 0));
        var writer = new TableResultStore(azurite.ConnectionString, _prefix, clock);
        var reader = new TableResultStore(azurite.ConnectionString, _prefix, clock, Duration.FromSeconds(1));
        var first = await writer.PublishAsync(TestRuns.Build(year: 2023));
        Assert.Equal(first, await reader.GetLatestRunAsync(TestRuns.FrameworkId));

        var second = await writer.PublishAsync(TestRuns.Build(year: 2024, computedAt: TestRuns.Noon2024 + Duration.FromDays(1)));

        // The writer sees its own publish at once; another process within the revalidation interval.
        Assert.Equal(second, await writer.GetLatestRunAsync(TestRuns.FrameworkId));
        Assert.Equal(first, await reader.GetLatestRunAsync(TestRuns.FrameworkId));
        clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(second, await reader.GetLatestRunAsync(TestRuns.FrameworkId));

        // With no interval every call re-reads the pointer (a point read; the run row only when its ETag moved).
        var strict = new TableResultStore(azurite.ConnectionString, _prefix, clock, Duration.Zero);
        Assert.Equal(second, await strict.GetLatestRunAsync(TestRuns.FrameworkId));
        var third = await writer.PublishAsync(TestRuns.Build(year: 2025, computedAt: TestRuns.Noon2024 + Duration.FromDays(2)));
        Assert.Equal(third, await strict.GetLatestRunAsync(TestRuns.FrameworkId));
    }

    private async Task<Dictionary<string, int>> CountByPartitionAsync(string table)
    {
        var counts = new Dictionary<string, int>();
        await foreach (var e in _service.GetTableClient(_prefix + table).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            counts[e.PartitionKey] = counts.GetValueOrDefault(e.PartitionKey) + 1;
        }

        return counts;
    }
}
