using System.Diagnostics;
using Azure.Data.Tables;
using NodaTime;
using WellbeingIndex.Publication.Storage;
using WellbeingIndex.Tests.Azurite;
using WellbeingIndex.Tests.Telemetry;

namespace WellbeingIndex.Publication.Tests;

/// <summary>
/// Table transactions and storage faults as an OpenTelemetry SDK would see them (source and meter "WellbeingIndex"):
/// checked against the rows actually found in Azurite, not against the store's own counts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishTelemetryTests(AzuriteFixture azurite)
{
    private readonly string _prefix = "M" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task Each_transaction_is_a_client_activity_timed_and_counted_and_the_rows_match_what_storage_holds()
    {
        using var telemetry = new TelemetryRecorder();
        var service = new TableServiceClient(azurite.ConnectionString);
        var store = new TableResultStore(service, _prefix, SystemClock.Instance, null);

        await store.PublishAsync(TestRuns.Build());

        // Rows written by transactions: everything in the store's tables except the run row and the latest pointer,
        // which are single-entity writes.
        var stored = 0;
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(_prefix) >= 0 && t.Name.CompareTo(_prefix + "~") < 0))
        {
            if (table.Name != _prefix + "Runs" && table.Name != _prefix + "Latest")
            {
                await foreach (var _ in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    stored++;
                }
            }
        }

        Assert.True(stored > 0);
        var transactions = telemetry.Activities("wellbeing.table.transaction");
        Assert.NotEmpty(transactions);
        Assert.All(transactions, a =>
        {
            Assert.Equal(ActivityKind.Client, a.Kind);
            Assert.Equal(ActivityStatusCode.Unset, a.Status);
            Assert.Equal("azure.tables", a.GetTagItem("db.system.name"));
            Assert.Equal("SubmitTransaction", a.GetTagItem("db.operation.name"));
            Assert.StartsWith(_prefix, (string)a.GetTagItem("db.collection.name")!, StringComparison.Ordinal);
            Assert.InRange((int)a.GetTagItem("db.operation.batch.size")!, 1, 100);
        });
        Assert.Equal(stored, transactions.Sum(a => (int)a.GetTagItem("db.operation.batch.size")!));

        var rows = telemetry.Measurements("wellbeing.publish.rows");
        Assert.Equal(stored, rows.Sum(m => m.Value));
        Assert.All(rows, m => Assert.Equal("{row}", m.Unit));

        var durations = telemetry.Measurements("db.client.operation.duration").Where(m => (string)m.Tags["db.operation.name"]! == "SubmitTransaction").ToList();
        Assert.Equal(transactions.Count, durations.Count);
        Assert.All(durations, m =>
        {
            Assert.Equal("s", m.Unit);
            Assert.True(m.Value > 0, $"duration {m.Value}");
            Assert.False(m.Tags.ContainsKey("error.type"));
            Assert.Equal("SubmitTransaction", m.Tags["db.operation.name"]);
        });
        // Every table written to appears as a db.collection.name, and only the store's tables do.
        Assert.Equal(transactions.Select(a => a.GetTagItem("db.collection.name")).Distinct().Order(),
            durations.Select(m => m.Tags["db.collection.name"]).Distinct().Order());
    }

    [Fact]
    public async Task Every_call_to_storage_is_a_client_activity_with_the_database_attributes_and_a_duration()
    {
        using var telemetry = new TelemetryRecorder();
        var service = new TableServiceClient(azurite.ConnectionString);
        var store = new TableResultStore(service, _prefix, SystemClock.Instance, null, latestRevalidation: Duration.Zero);

        var run = await store.PublishAsync(TestRuns.Build());
        await service.DeleteTableAsync(_prefix + "Latest");
        Assert.Null(await store.GetLatestRunAsync(TestRuns.FrameworkId));
        await store.CheckReachableAsync();

        // The atomic protocol, call by call (transactions apart: they run in parallel): create the 7 tables; the run row
        // (absent), added as "writing", re-read; [rows]; replaced as "complete" If-Match, re-read; the pointer (absent),
        // added. Then the read: the pointer's table vanished (404 TableNotFound), so the tables are recreated and the
        // pointer read again (absent: nothing published). Then the readiness ping.
        string[] tables = ["Runs", "Latest", "AreaScores", "RunBlocks", "Places", "Series", "SeriesScores"];
        string[] expected =
        [
            .. tables.Select(t => $"CreateTable {_prefix}{t}"),
            $"GetEntity {_prefix}Runs", $"AddEntity {_prefix}Runs", $"GetEntity {_prefix}Runs",
            $"UpdateEntity {_prefix}Runs", $"GetEntity {_prefix}Runs",
            $"GetEntity {_prefix}Latest", $"AddEntity {_prefix}Latest",
            $"GetEntity {_prefix}Latest",
            .. tables.Select(t => $"CreateTable {_prefix}{t}"),
            $"GetEntity {_prefix}Latest",
            $"QueryTables {_prefix}Runs",
        ];
        var calls = telemetry.Activities("wellbeing.table.operation");
        Assert.Equal(expected, calls.Select(a => a.DisplayName));
        Assert.All(calls, a =>
        {
            Assert.Equal(ActivityKind.Client, a.Kind);
            Assert.Equal("azure.tables", a.GetTagItem("db.system.name"));
            Assert.Equal($"{a.GetTagItem("db.operation.name")} {a.GetTagItem("db.collection.name")}", a.DisplayName);
        });

        // Only the read of the vanished table failed; an absent entity is an answer, not an error.
        var failed = Assert.Single(calls, a => a.Status == ActivityStatusCode.Error);
        Assert.Equal(expected.Length - 10, calls.ToList().IndexOf(failed)); // the first read after the publish
        Assert.Equal("TableNotFound", failed.GetTagItem("error.type"));
        Assert.Equal("404", failed.GetTagItem("db.response.status_code"));

        // 4 areas: one partition of per-area rows and one packed block, one transaction each (TableSchema).
        var transactions = telemetry.Activities("wellbeing.table.transaction");
        Assert.Equal([$"SubmitTransaction {_prefix}AreaScores", $"SubmitTransaction {_prefix}RunBlocks"], transactions.Select(a => a.DisplayName).Order());

        var durations = telemetry.Measurements("db.client.operation.duration");
        Assert.Equal(calls.Count + transactions.Count, durations.Count);
        var failedDuration = Assert.Single(durations, m => m.Tags.ContainsKey("error.type"));
        Assert.Equal(("GetEntity", _prefix + "Latest", "TableNotFound", "404"), ((string)failedDuration.Tags["db.operation.name"]!,
            (string)failedDuration.Tags["db.collection.name"]!, (string)failedDuration.Tags["error.type"]!, (string)failedDuration.Tags["db.response.status_code"]!));
        Assert.Equal(run.RunId, (await store.PublishAsync(TestRuns.Build())).RunId);
    }

    [Fact]
    public async Task Storage_faults_are_counted_by_operation_and_error_type()
    {
        using var telemetry = new TelemetryRecorder();
        var service = new TableServiceClient(azurite.ConnectionString);
        var store = new TableResultStore(service, _prefix, SystemClock.Instance, null);
        await store.PublishAsync(TestRuns.Build());
        await service.DeleteTableAsync(_prefix + "Runs");

        Assert.Empty(await store.ListRunsAsync(TestRuns.FrameworkId)); // a query of a vanished table: recreated, retried
        var unreachable = new TableResultStore(AzuriteProcess.UnreachableConnectionString(), _prefix);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => unreachable.GetRunAsync(TestRuns.FrameworkId, "2023-0"));

        var failures = telemetry.Measurements("wellbeing.storage.failures");
        Assert.Equal(
            [("read", "TableNotFound"), ("read", StorageUnavailableException.Unreachable)],
            failures.Select(m => ((string)m.Tags["db.operation.name"]!, (string)m.Tags["error.type"]!)));
        Assert.All(failures, m => Assert.Equal(1, m.Value));
    }
}
