using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Publication;
using WellbeingIndex.Tests.Azurite;

using WellbeingIndex.Tests;

namespace WellbeingIndex.Publication.Tests;

/// <summary>The tables as a dashboard reads them (functions/TABLES.md): keys, partition sizes, pointer and run status.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableLayoutTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "L" + Guid.NewGuid().ToString("N")[..16];
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    [Fact]
    public async Task Partitions_hold_at_most_1000_rows_under_documented_keys()
    {
        var store = new TableResultStore(azurite.ConnectionString, _prefix, new FakeClock(Instant.FromUtc(2024, 6, 2, 9, 0)));
        var run = await store.PublishAsync(TestRuns.Synthetic(2500, TestRuns.Noon2024));

        var scores = await CountByPartitionAsync("AreaScores");
        Assert.Equal(
            new Dictionary<string, int>
            {
                [$"test-index|{run.RunId}|0000"] = 1000,
                [$"test-index|{run.RunId}|0001"] = 1000,
                [$"test-index|{run.RunId}|0002"] = 500,
            },
            scores);

        var values = await CountByPartitionAsync("IndicatorValues");
        Assert.Equal(9, values.Count); // 3 indicators × ⌈2500 / 1000⌉
        Assert.Equal(1000, values[$"test-index|{run.RunId}|rent|0001"]);
        Assert.Equal(500, values[$"test-index|{run.RunId}|pay|0002"]);

        // History partitions: code minus its last two characters, E01000001..E01002500 → E010000 .. E010025, ≤ 100 areas each.
        var history = await CountByPartitionAsync("AreaHistory");
        Assert.Equal(26, history.Count);
        Assert.Equal(99, history["test-index|E010000"]);
        Assert.Equal(100, history["test-index|E010001"]);
        Assert.Equal(1, history["test-index|E010025"]);

        var pointer = await _service.GetTableClient(_prefix + "Latest").GetEntityAsync<TableEntity>("latest", "test-index");
        Assert.Equal(run.RunId, pointer.Value.GetString("RunId"));
        Assert.Equal("2023", pointer.Value.GetString("Period"));
        var row = await _service.GetTableClient(_prefix + "Runs").GetEntityAsync<TableEntity>("test-index", run.RunId);
        Assert.Equal("complete", row.Value.GetString("Status"));
        Assert.Equal("[\"index\",\"income\",\"housing\"]", row.Value.GetString("Nodes"));
        Assert.Equal(run.DefinitionJson, row.Value.GetString("DefinitionJson"));
    }

    [Fact]
    public async Task A_publish_dying_midway_leaves_a_writing_run_row_and_the_pointer_untouched()
    {
        var store = new TableResultStore(new TableServiceClient(azurite.ConnectionString), _prefix, SystemClock.Instance,
            (n, _) => n >= 2 ? throw new IOException("injected") : ValueTask.CompletedTask, parallelTransactions: 1);

        await Assert.ThrowsAsync<IOException>(() => store.PublishAsync(TestRuns.Build()));

        var runs = await _service.GetTableClient(_prefix + "Runs").QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("writing", Assert.Single(runs).GetString("Status"));
        Assert.Null(Assert.Single(runs).GetDateTimeOffset("PublishedAt"));
        Assert.Empty(await _service.GetTableClient(_prefix + "Latest").QueryAsync<TableEntity>().ToListAsync());
        // Transactions run one at a time here: area scores (0) and history (1) were written, indicator values were not.
        Assert.Equal(4, (await _service.GetTableClient(_prefix + "AreaScores").QueryAsync<TableEntity>().ToListAsync()).Count);
        Assert.Empty(await _service.GetTableClient(_prefix + "IndicatorValues").QueryAsync<TableEntity>().ToListAsync());
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
