using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime;
using WellbeingIndex.Publication.Storage;
using WellbeingIndex.Tests.Azurite;
using Xunit.Abstractions;

namespace WellbeingIndex.Publication.Tests;

/// <summary>
/// Storage faults the hostile test found (issue 13): tables that vanish under a running app (an emulator restart, a
/// deleted table) are recreated and the operation retried once; storage that is down fails fast as
/// <see cref="StorageUnavailableException"/> with its status and code, not a generic error after many retries.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private readonly string _prefix = "F" + Guid.NewGuid().ToString("N")[..16];

    private TableServiceClient Service => new(azurite.ConnectionString);

    // The latest pointer is re-read on every call (no revalidation interval): these tests are about what storage answers.
    private TableResultStore Store(Func<int, CancellationToken, ValueTask>? beforeTransaction = null) =>
        new(Service, _prefix, SystemClock.Instance, beforeTransaction, latestRevalidation: Duration.Zero);

    /// <summary>Every table of the store, deleted as an in-memory emulator's restart does.</summary>
    private async Task DeleteTablesAsync(Func<string, bool>? which = null)
    {
        var service = Service;
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(_prefix) >= 0 && t.Name.CompareTo(_prefix + "~") < 0))
        {
            if (which?.Invoke(table.Name) ?? true)
            {
                await service.DeleteTableAsync(table.Name);
            }
        }
    }

    [Fact]
    public async Task After_every_table_vanished_reads_answer_nothing_published_and_publishing_works_again()
    {
        var store = Store();
        var first = await store.PublishAsync(TestRuns.Build());
        Assert.Equal(first, await store.GetLatestRunAsync(TestRuns.FrameworkId));

        await DeleteTablesAsync();

        // The truth after the restart: nothing is published (not a TableNotFound failure); the tables are back.
        Assert.Null(await store.GetLatestRunAsync(TestRuns.FrameworkId));
        Assert.Empty(await store.ListRunsAsync(TestRuns.FrameworkId));
        Assert.Null(await store.GetRunAsync(TestRuns.FrameworkId, first.RunId));
        Assert.Null(await store.GetLatestSeriesAsync(TestRuns.FrameworkId));

        await DeleteTablesAsync();
        var again = await store.PublishAsync(TestRuns.Build());
        Assert.Equal(first.RunId, again.RunId); // same inputs, same run
        Assert.Equal(again, await store.GetLatestRunAsync(TestRuns.FrameworkId));
        // index = mean(income, housing) = 50, 33.3, 66.7, 50 (hand-computed in ResultStoreConformanceTests).
        var rows = await store.GetAreaScoresAsync(TestRuns.FrameworkId, again.RunId);
        double[] index = [50, 100.0 / 3, 200.0 / 3, 50];
        Assert.Equal(4, rows.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(index[i], rows[i]["index"].Score!.Value, 9);
        }

        await DeleteTablesAsync();
        var series = await store.PublishSeriesAsync(TestRuns.BuildSeries());
        Assert.Equal(series, await store.GetLatestSeriesAsync(TestRuns.FrameworkId));
    }

    /// <summary>
    /// Point reads (one entity by key) of a table that vanished: the table service answers 404 TableNotFound, which the
    /// client's "if exists" read cannot tell from an absent entity. Each must go through the same recreate-and-retry path
    /// as queries and transactions: the fault is logged, the tables are back, and the answer is that of an empty store.
    /// </summary>
    [Theory]
    [InlineData("latest run")]
    [InlineData("run")]
    [InlineData("run rows")]
    [InlineData("latest series")]
    [InlineData("series rows")]
    public async Task A_point_read_of_a_vanished_table_recreates_the_tables_and_answers_as_an_empty_store(string read)
    {
        var log = new CapturingLogger();
        var store = new TableResultStore(Service, _prefix, SystemClock.Instance, null, latestRevalidation: Duration.Zero, logger: log);
        var run = await store.PublishAsync(TestRuns.Build());
        var series = await store.PublishSeriesAsync(TestRuns.BuildSeries());
        await DeleteTablesAsync();

        object? answer = read switch
        {
            "latest run" => await store.GetLatestRunAsync(TestRuns.FrameworkId),
            "run" => await store.GetRunAsync(TestRuns.FrameworkId, run.RunId),
            "run rows" => (await store.GetAreaScoresAsync(TestRuns.FrameworkId, run.RunId)).Count,
            "latest series" => await store.GetLatestSeriesAsync(TestRuns.FrameworkId),
            _ => (await store.GetSeriesScoresAsync(TestRuns.FrameworkId, series.SeriesId)).Count,
        };

        Assert.True(answer is null or 0, $"{read}: {answer}");
        var vanished = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, vanished.Level);
        Assert.Equal("read", vanished.Values["Operation"]);
        // Runs, Latest, AreaScores, RunBlocks, Places, Series, SeriesScores (TableSchema) exist again.
        var tables = new List<string>();
        await foreach (var table in Service.QueryAsync(t => t.Name.CompareTo(_prefix) >= 0 && t.Name.CompareTo(_prefix + "~") < 0))
        {
            tables.Add(table.Name);
        }

        Assert.Equal(7, tables.Count);
        Assert.Equal(run.RunId, (await store.PublishAsync(TestRuns.Build())).RunId); // same inputs, same run
        Assert.Equal(run.RunId, (await store.GetLatestRunAsync(TestRuns.FrameworkId))!.RunId);
    }

    [Fact]
    public async Task A_table_deleted_while_a_run_is_being_written_is_recreated_and_the_publish_completes()
    {
        var deleted = 0;
        var store = Store(async (n, ct) =>
        {
            if (n == 0 && Interlocked.Exchange(ref deleted, 1) == 0)
            {
                await DeleteTablesAsync(name => name.EndsWith("AreaScores", StringComparison.Ordinal));
            }
        });

        var published = await store.PublishAsync(TestRuns.Build());

        Assert.Equal(1, deleted);
        Assert.Equal(published, await store.GetLatestRunAsync(TestRuns.FrameworkId));
        Assert.Equal(TestRuns.Areas.Select(a => a.Code), (await store.GetAreaScoresAsync(TestRuns.FrameworkId, published.RunId)).Select(r => r.AreaCode));
        Assert.Equal(12, (await store.GetIndicatorValuesAsync(TestRuns.FrameworkId, published.RunId)).Count); // 3 indicators × 4 areas
    }

    [Fact]
    public async Task When_only_the_latest_pointer_table_vanished_latest_is_none_until_the_next_publish()
    {
        var store = Store();
        var first = await store.PublishAsync(TestRuns.Build());
        await DeleteTablesAsync(name => name.EndsWith("Latest", StringComparison.Ordinal));

        Assert.Null(await store.GetLatestRunAsync(TestRuns.FrameworkId)); // no pointer: what storage holds
        Assert.Equal([first], await store.ListRunsAsync(TestRuns.FrameworkId)); // the run itself survived
        Assert.Equal(first, await store.PublishAsync(TestRuns.Build()));
        Assert.Equal(first, await store.GetLatestRunAsync(TestRuns.FrameworkId));
    }

    [Fact]
    public async Task Unreachable_storage_is_reported_unavailable_with_status_0_and_a_code_quickly()
    {
        var store = new TableResultStore(AzuriteProcess.UnreachableConnectionString(), _prefix);
        var clock = Stopwatch.StartNew();

        var read = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetLatestRunAsync(TestRuns.FrameworkId));
        var readTime = clock.Elapsed;
        var publish = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.PublishAsync(TestRuns.Build()));
        var ping = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.CheckReachableAsync());

        foreach (var e in new[] { read, publish, ping })
        {
            Assert.Equal(0, e.Status); // nothing answered
            Assert.Equal(StorageUnavailableException.Unreachable, e.ErrorCode);
            Assert.Equal(TimeSpan.FromSeconds(5), e.RetryAfter);
            Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
        }

        output.WriteLine($"closed port: read failed after {readTime.TotalMilliseconds:0} ms, all three after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_failing_service_is_tried_three_times_then_reported_unavailable_with_its_status_and_code()
    {
        using var listener = new HttpListener();
        var port = AzuriteProcess.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var requests = 0;
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref requests);
                context.Response.StatusCode = 503;
                context.Response.Headers["x-ms-error-code"] = "ServerBusy";
                context.Response.ContentType = "application/json";
                var body = """{"odata.error":{"code":"ServerBusy","message":{"lang":"en-US","value":"The server is busy."}}}"""u8.ToArray();
                context.Response.Close(body, willBlock: false);
            }
        });

        var store = new TableResultStore(AzuriteProcess.ConnectionStringAt(port), _prefix);
        var e = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetLatestRunAsync(TestRuns.FrameworkId));
        listener.Stop();
        await serving;

        Assert.Equal(503, e.Status);
        Assert.Equal("ServerBusy", e.ErrorCode);
        // TableCalls.ClientOptions: one try and two retries, then the first table's create fails the operation.
        Assert.Equal(3, requests);
    }

    [Fact]
    public async Task Storage_faults_are_logged_with_message_templates_naming_operation_status_and_code()
    {
        var log = new CapturingLogger();
        var store = new TableResultStore(azurite.ConnectionString, _prefix, SystemClock.Instance, logger: log);
        await store.PublishAsync(TestRuns.Build());
        await Service.DeleteTableAsync(_prefix + "Runs");
        Assert.Empty(await store.ListRunsAsync(TestRuns.FrameworkId));

        var vanished = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, vanished.Level);
        Assert.Equal("A table of {Account} vanished during {Operation} (TableNotFound): recreating the tables and retrying once", vanished.Template);
        Assert.Equal("read", vanished.Values["Operation"]);

        var down = new CapturingLogger();
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            new TableResultStore(AzuriteProcess.UnreachableConnectionString(), _prefix, SystemClock.Instance, logger: down).PublishAsync(TestRuns.Build()));
        var unavailable = Assert.Single(down.Entries);
        Assert.Equal(LogLevel.Error, unavailable.Level);
        Assert.Equal("Table Storage at {Account} is unavailable during {Operation}: {Status} {ErrorCode}", unavailable.Template);
        Assert.Equal("publish", unavailable.Values["Operation"]);
        Assert.Equal(0, unavailable.Values["Status"]);
        Assert.Equal(StorageUnavailableException.Unreachable, unavailable.Values["ErrorCode"]);
    }

    [Fact]
    public async Task Cancelling_a_call_is_a_cancellation_not_a_storage_fault()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var store = Store();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetLatestRunAsync(TestRuns.FrameworkId, cancelled.Token));
    }

    /// <summary>Keeps each entry's level, message template and named values.</summary>
    private sealed class CapturingLogger : ILogger<TableResultStore>
    {
        public List<(LogLevel Level, string Template, IReadOnlyDictionary<string, object?> Values)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = (state as IReadOnlyList<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value);
            lock (Entries)
            {
                Entries.Add((logLevel, (string)values["{OriginalFormat}"]!, values));
            }
        }
    }
}
