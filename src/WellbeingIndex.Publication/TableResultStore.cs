using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication.Storage;

namespace WellbeingIndex.Publication;

/// <summary>
/// Publishes runs to Azure Table Storage (or Azurite) for dashboards; <c>functions/TABLES.md</c> documents the tables.
/// A publish writes every row of the run (entity-group transactions of at most 100 rows, partitions of at most 1,000)
/// while the run's row says "writing", then marks the run complete, then switches the framework's latest pointer with
/// an If-Match on the ETag it read. Readers follow the pointer or complete runs only, so they never see half a run.
/// Storage faults follow <see cref="TableCalls"/>: vanished tables are recreated and the operation retried once; storage
/// that is unreachable or failing throws <see cref="StorageUnavailableException"/> after a few quick retries.
/// </summary>
public sealed class TableResultStore : IResultStore
{
    private readonly TableClient _runs;
    private readonly TableClient _latest;
    private readonly TableClient _areaScores;
    private readonly TableClient _history;
    private readonly TableClient _values;
    private readonly TableClient _series;
    private readonly TableClient _seriesScores;
    private readonly IClock _clock;
    private readonly Func<int, CancellationToken, ValueTask>? _beforeTransaction;
    private readonly int _parallelTransactions;
    private readonly TableServiceClient _service;
    private readonly TableCalls _calls;
    private volatile bool _tablesReady;

    /// <param name="connectionString">A storage account (or Azurite) connection string.</param>
    /// <param name="tablePrefix">Prefix of the seven table names (letters and digits; default <c>Wellbeing</c>).</param>
    /// <param name="clock">Stamps publication times.</param>
    /// <param name="logger">Gets a line per storage fault; none when null.</param>
    public TableResultStore(string connectionString, string tablePrefix = "Wellbeing", IClock? clock = null, ILogger<TableResultStore>? logger = null)
        : this(new TableServiceClient(CheckConnectionString(connectionString), TableCalls.ClientOptions()), tablePrefix, clock, null, logger: logger)
    {
    }

    /// <param name="service">The account's table service.</param>
    /// <param name="tablePrefix">Prefix of the table names.</param>
    /// <param name="clock">Stamps publication times.</param>
    /// <param name="beforeTransaction">Test hook called before the n-th (0-based) row transaction; throwing from it
    /// simulates a publish dying midway.</param>
    /// <param name="parallelTransactions">Row transactions in flight at once.</param>
    /// <param name="logger">Gets a line per storage fault; none when null.</param>
    internal TableResultStore(TableServiceClient service, string tablePrefix, IClock? clock,
        Func<int, CancellationToken, ValueTask>? beforeTransaction, int parallelTransactions = 8, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (string.IsNullOrEmpty(tablePrefix) || tablePrefix.Length > 40 || !char.IsAsciiLetter(tablePrefix[0]) || !tablePrefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Table prefix '{tablePrefix}' must be 1–40 letters and digits starting with a letter.", nameof(tablePrefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(parallelTransactions, 1);
        _runs = service.GetTableClient(TableSchema.Runs(tablePrefix));
        _latest = service.GetTableClient(TableSchema.Latest(tablePrefix));
        _areaScores = service.GetTableClient(TableSchema.AreaScores(tablePrefix));
        _history = service.GetTableClient(TableSchema.AreaHistory(tablePrefix));
        _values = service.GetTableClient(TableSchema.IndicatorValues(tablePrefix));
        _series = service.GetTableClient(TableSchema.Series(tablePrefix));
        _seriesScores = service.GetTableClient(TableSchema.SeriesScores(tablePrefix));
        _clock = clock ?? SystemClock.Instance;
        _beforeTransaction = beforeTransaction;
        _parallelTransactions = parallelTransactions;
        _service = service;
        _calls = new TableCalls(RecreateTablesAsync, logger ?? NullLogger.Instance, service.Uri);
    }

    /// <summary>
    /// Asks the table service for this store's runs table: readiness, not data. Cancel with
    /// <paramref name="cancellationToken"/> to bound the wait below the client's retries.
    /// </summary>
    /// <exception cref="StorageUnavailableException">Storage is unreachable, timed out or failing.</exception>
    public Task CheckReachableAsync(CancellationToken cancellationToken = default) =>
        _calls.RunAsync("ping", async ct =>
        {
            await foreach (var _ in _service.QueryAsync(t => t.Name == _runs.Name, 1, ct).ConfigureAwait(false))
            {
                break;
            }

            return true;
        }, cancellationToken);

    public Task<PublishedRun> PublishAsync(FrameworkRun run, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("publish", ct => PublishOnceAsync(run, ct), cancellationToken);

    private async Task<PublishedRun> PublishOnceAsync(FrameworkRun run, CancellationToken cancellationToken)
    {
        var publication = RunPublication.From(run);
        TableSchema.CheckColumns(publication.NodeCodes);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);

        var row = await GetEntityAsync(_runs, publication.FrameworkId, publication.RunId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            try
            {
                await _runs.AddEntityAsync(TableSchema.RunEntity(publication, RunStatus.Writing, null), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another publisher of the same run got there first; carry on with its row.
            }

            row = await GetEntityAsync(_runs, publication.FrameworkId, publication.RunId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run '{publication.RunId}' vanished from table '{_runs.Name}' while being published.");
        }

        if (!TableSchema.IsComplete(row))
        {
            publication = publication.WithComputedAt(TableSchema.ComputedAt(row));
            await WriteRowsAsync(publication, cancellationToken).ConfigureAwait(false);
            var rows = publication;
            row = await CompleteAsync(_runs, row, () => TableSchema.RunEntity(rows, RunStatus.Complete, RunPublication.Truncate(_clock.GetCurrentInstant())),
                cancellationToken).ConfigureAwait(false);
        }

        var published = TableSchema.ToRun(row);
        await SwitchLatestAsync(TableSchema.LatestPartition, published.FrameworkId, "RunId", published.RunId, published.ComputedAt,
            TableSchema.LatestEntity(published), cancellationToken).ConfigureAwait(false);
        return published;
    }

    public Task<PublishedRun?> GetLatestRunAsync(string frameworkId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetLatestRunOnceAsync(frameworkId, ct), cancellationToken);

    private async Task<PublishedRun?> GetLatestRunOnceAsync(string frameworkId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var pointer = await GetEntityAsync(_latest, TableSchema.LatestPartition, frameworkId, cancellationToken).ConfigureAwait(false);
        return pointer is null ? null : await GetRunAsync(frameworkId, pointer.GetString("RunId"), cancellationToken).ConfigureAwait(false);
    }

    public Task<PublishedRun?> GetRunAsync(string frameworkId, string runId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetRunOnceAsync(frameworkId, runId, ct), cancellationToken);

    private async Task<PublishedRun?> GetRunOnceAsync(string frameworkId, string runId, CancellationToken cancellationToken)
    {
        var row = await GetCompleteRunAsync(frameworkId, runId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : TableSchema.ToRun(row);
    }

    public Task<IReadOnlyList<PublishedRun>> ListRunsAsync(string frameworkId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => ListRunsOnceAsync(frameworkId, ct), cancellationToken);

    private async Task<IReadOnlyList<PublishedRun>> ListRunsOnceAsync(string frameworkId, CancellationToken cancellationToken) =>
        (await ListCompleteRunsAsync(frameworkId, cancellationToken).ConfigureAwait(false)).Select(TableSchema.ToRun)
        .OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).ToList();

    public Task<IReadOnlyList<AreaScoreRow>> GetAreaScoresAsync(string frameworkId, string runId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetAreaScoresOnceAsync(frameworkId, runId, ct), cancellationToken);

    private async Task<IReadOnlyList<AreaScoreRow>> GetAreaScoresOnceAsync(string frameworkId, string runId, CancellationToken cancellationToken)
    {
        var run = await GetCompleteRunAsync(frameworkId, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return [];
        }

        var nodes = TableSchema.Nodes(run);
        var period = TableSchema.ToRun(run).Period;
        var rows = await QueryRunPartitionsAsync(_areaScores, frameworkId, runId, cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(e => TableSchema.Int(e, "Order"))
            .Select(e => TableSchema.ToAreaScoreRow(e, runId, period, nodes, e.RowKey)).ToList();
    }

    public Task<IReadOnlyList<IndicatorValueRow>> GetIndicatorValuesAsync(string frameworkId, string runId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetIndicatorValuesOnceAsync(frameworkId, runId, ct), cancellationToken);

    private async Task<IReadOnlyList<IndicatorValueRow>> GetIndicatorValuesOnceAsync(string frameworkId, string runId, CancellationToken cancellationToken)
    {
        if (await GetCompleteRunAsync(frameworkId, runId, cancellationToken).ConfigureAwait(false) is null)
        {
            return [];
        }

        var rows = await QueryRunPartitionsAsync(_values, frameworkId, runId, cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(e => TableSchema.Int(e, "IndicatorOrder")).ThenBy(e => TableSchema.Int(e, "Order"))
            .Select(TableSchema.ToIndicatorValueRow).ToList();
    }

    public Task<IReadOnlyList<AreaScoreRow>> GetAreaHistoryAsync(string frameworkId, string areaCode, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetAreaHistoryOnceAsync(frameworkId, areaCode, ct), cancellationToken);

    private async Task<IReadOnlyList<AreaScoreRow>> GetAreaHistoryOnceAsync(string frameworkId, string areaCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(areaCode);
        var runs = (await ListCompleteRunsAsync(frameworkId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var prefix = TableSchema.HistoryRow(areaCode, "");
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableSchema.HistoryPartition(frameworkId, areaCode)} and RowKey ge {prefix} and RowKey lt {TableSchema.UpperBound(prefix)}");
        var history = new List<(TableEntity Row, TableEntity Run)>();
        await foreach (var e in _history.QueryAsync<TableEntity>(filter, TableSchema.PartitionSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetString("AreaCode") == areaCode && runs.TryGetValue(e.GetString("RunId"), out var run))
            {
                history.Add((e, run));
            }
        }

        return history.OrderBy(h => TableSchema.ComputedAt(h.Run)).ThenBy(h => h.Run.RowKey, StringComparer.Ordinal)
            .Select(h => TableSchema.ToAreaScoreRow(h.Row, h.Run.RowKey, TableSchema.ToRun(h.Run).Period, TableSchema.Nodes(h.Run), areaCode))
            .ToList();
    }

    public Task<PublishedSeries> PublishSeriesAsync(FrameworkSeries series, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("publish", ct => PublishSeriesOnceAsync(series, ct), cancellationToken);

    private async Task<PublishedSeries> PublishSeriesOnceAsync(FrameworkSeries series, CancellationToken cancellationToken)
    {
        var publication = SeriesPublication.From(series);
        TableSchema.CheckColumns(publication.NodeCodes);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var row = await GetEntityAsync(_series, publication.FrameworkId, publication.SeriesId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            try
            {
                await _series.AddEntityAsync(TableSchema.SeriesEntity(publication, RunStatus.Writing, null), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another publisher of the same series got there first; carry on with its row.
            }

            row = await GetEntityAsync(_series, publication.FrameworkId, publication.SeriesId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Series '{publication.SeriesId}' vanished from table '{_series.Name}' while being published.");
        }

        if (!TableSchema.IsComplete(row))
        {
            var p = publication.WithComputedAt(TableSchema.ComputedAt(row));
            var transactions = new List<(TableClient, Func<TableEntity[]>)>();
            for (var period = 0; period < p.Periods.Count; period++)
            {
                for (var c = 0; c * TableSchema.PartitionSize < p.AreaCount; c++)
                {
                    var partition = TableSchema.SeriesScorePartition(p.FrameworkId, p.SeriesId, p.Periods[period], c);
                    var chunkStart = c * TableSchema.PartitionSize;
                    var chunkEnd = Math.Min(p.AreaCount, chunkStart + TableSchema.PartitionSize);
                    for (var first = chunkStart; first < chunkEnd; first += TableSchema.TransactionSize)
                    {
                        var (offset, from, size) = (period * p.AreaCount, first, Math.Min(TableSchema.TransactionSize, chunkEnd - first));
                        transactions.Add((_seriesScores, () => Enumerable.Range(from, size).Select(j => TableSchema.SeriesScoreEntity(partition, p.Rows[offset + j], j)).ToArray()));
                    }
                }
            }

            await SubmitAsync(transactions, cancellationToken).ConfigureAwait(false);
            row = await CompleteAsync(_series, row, () => TableSchema.SeriesEntity(p, RunStatus.Complete, RunPublication.Truncate(_clock.GetCurrentInstant())),
                cancellationToken).ConfigureAwait(false);
        }

        var published = TableSchema.ToSeries(row);
        await SwitchLatestAsync(TableSchema.LatestSeriesPartition, published.FrameworkId, "SeriesId", published.SeriesId, published.ComputedAt,
            TableSchema.LatestSeriesEntity(published), cancellationToken).ConfigureAwait(false);
        return published;
    }

    public Task<PublishedSeries?> GetLatestSeriesAsync(string frameworkId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetLatestSeriesOnceAsync(frameworkId, ct), cancellationToken);

    private async Task<PublishedSeries?> GetLatestSeriesOnceAsync(string frameworkId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var pointer = await GetEntityAsync(_latest, TableSchema.LatestSeriesPartition, frameworkId, cancellationToken).ConfigureAwait(false);
        var row = pointer is null ? null : await GetEntityAsync(_series, frameworkId, pointer.GetString("SeriesId"), cancellationToken).ConfigureAwait(false);
        return row is not null && TableSchema.IsComplete(row) ? TableSchema.ToSeries(row) : null;
    }

    public Task<IReadOnlyList<AreaScoreRow>> GetSeriesScoresAsync(string frameworkId, string seriesId, string? areaCode = null,
        CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetSeriesScoresOnceAsync(frameworkId, seriesId, areaCode, ct), cancellationToken);

    private async Task<IReadOnlyList<AreaScoreRow>> GetSeriesScoresOnceAsync(string frameworkId, string seriesId, string? areaCode,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(seriesId);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var header = await GetEntityAsync(_series, frameworkId, seriesId, cancellationToken).ConfigureAwait(false);
        if (header is null || !TableSchema.IsComplete(header))
        {
            return [];
        }

        var nodes = TableSchema.Nodes(header);
        var periods = TableSchema.ToSeries(header).Periods.Select((p, i) => (p, i)).ToDictionary(x => x.p.ToString(), x => x.i, StringComparer.Ordinal);
        var prefix = TableSchema.RunPartitionPrefix(frameworkId, seriesId);
        var filter = areaCode is null
            ? TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {TableSchema.UpperBound(prefix)}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {TableSchema.UpperBound(prefix)} and RowKey eq {areaCode}");
        var rows = new List<TableEntity>();
        await foreach (var e in _seriesScores.QueryAsync<TableEntity>(filter, TableSchema.PartitionSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(e);
        }

        return rows.OrderBy(e => periods[e.GetString("Period")]).ThenBy(e => TableSchema.Int(e, "Order"))
            .Select(e => TableSchema.ToAreaScoreRow(e, seriesId, ReferencePeriod.Parse(e.GetString("Period")), nodes, e.RowKey)).ToList();
    }

    /// <summary>Entities are built per transaction, not up front: an LSOA run has over a million rows.</summary>
    private async Task WriteRowsAsync(RunPublication p, CancellationToken cancellationToken)
    {
        var transactions = new List<(TableClient Table, Func<TableEntity[]> Rows)>();
        void Partition(TableClient table, int count, Func<int, TableEntity> row)
        {
            for (var first = 0; first < count; first += TableSchema.TransactionSize)
            {
                var from = first;
                var size = Math.Min(TableSchema.TransactionSize, count - first);
                transactions.Add((table, () => Enumerable.Range(from, size).Select(row).ToArray()));
            }
        }

        var areas = p.AreaScores;
        for (var c = 0; c * TableSchema.PartitionSize < areas.Count; c++)
        {
            var start = c * TableSchema.PartitionSize;
            var partition = TableSchema.AreaScorePartition(p.FrameworkId, p.RunId, c);
            Partition(_areaScores, Math.Min(TableSchema.PartitionSize, areas.Count - start),
                j => TableSchema.AreaScoreEntity(partition, areas[start + j], start + j));
        }

        foreach (var group in Enumerable.Range(0, areas.Count).GroupBy(i => TableSchema.HistoryPartition(p.FrameworkId, areas[i].AreaCode)))
        {
            var members = group.ToArray();
            Partition(_history, members.Length, j => TableSchema.HistoryEntity(p.FrameworkId, areas[members[j]], p.ComputedAt));
        }

        for (var k = 0; k < p.IndicatorCount; k++)
        {
            var indicator = k;
            var offset = k * areas.Count;
            for (var c = 0; c * TableSchema.PartitionSize < areas.Count; c++)
            {
                var start = c * TableSchema.PartitionSize;
                var partition = TableSchema.IndicatorValuePartition(p.FrameworkId, p.RunId, p.IndicatorValues[offset].IndicatorCode, c);
                Partition(_values, Math.Min(TableSchema.PartitionSize, areas.Count - start),
                    j => TableSchema.IndicatorValueEntity(partition, p.IndicatorValues[offset + start + j], start + j, indicator));
            }
        }

        await SubmitAsync(transactions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits each transaction (upsert-replace, at most 100 rows of one partition), several at once.</summary>
    private async Task SubmitAsync(IReadOnlyList<(TableClient Table, Func<TableEntity[]> Rows)> transactions, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelTransactions, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, transactions.Count), options, async (n, ct) =>
        {
            if (_beforeTransaction is not null)
            {
                await _beforeTransaction(n, ct).ConfigureAwait(false);
            }

            var (table, rows) = transactions[n];
            await TableCalls.SubmitAsync(table, rows().Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToArray(), ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Marks a run or series complete unless a concurrent publisher of the same one already did (then its row stands).</summary>
    private async Task<TableEntity> CompleteAsync(TableClient table, TableEntity row, Func<TableEntity> complete, CancellationToken cancellationToken)
    {
        var (partition, key) = (row.PartitionKey, row.RowKey);
        while (!TableSchema.IsComplete(row))
        {
            try
            {
                await table.UpdateEntityAsync(complete(), row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed since read: fall through and re-read.
            }

            row = await GetEntityAsync(table, partition, key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"'{key}' vanished from table '{table.Name}' while being published.");
        }

        return row;
    }

    /// <summary>
    /// Creates the pointer if absent (add fails if another publisher created it first) or replaces it If-Match the ETag
    /// read; on a conflict it re-reads and decides again, so a run (or series) computed earlier never replaces a later one.
    /// </summary>
    private async Task SwitchLatestAsync(string partition, string frameworkId, string idColumn, string id, Instant computedAt, TableEntity pointer,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await GetEntityAsync(_latest, partition, frameworkId, cancellationToken).ConfigureAwait(false);
            try
            {
                if (current is null)
                {
                    await _latest.AddEntityAsync(pointer, cancellationToken).ConfigureAwait(false);
                }
                else if (current.GetString(idColumn) != id
                    && LatestPointer.ShouldReplace(TableSchema.ComputedAt(current), current.GetString(idColumn), computedAt, id))
                {
                    await _latest.UpdateEntityAsync(pointer, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another publisher moved the pointer between our read and write: read again and decide again.
            }
        }

        throw new InvalidOperationException($"Could not switch the {partition} pointer of '{frameworkId}' to '{id}': 50 conflicting updates in a row.");
    }

    private async Task<TableEntity?> GetCompleteRunAsync(string frameworkId, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var row = await GetEntityAsync(_runs, frameworkId, runId, cancellationToken).ConfigureAwait(false);
        return row is not null && TableSchema.IsComplete(row) ? row : null;
    }

    private async Task<List<TableEntity>> ListCompleteRunsAsync(string frameworkId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {frameworkId} and Status eq {TableSchema.Complete}");
        var runs = new List<TableEntity>();
        await foreach (var e in _runs.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            runs.Add(e);
        }

        return runs;
    }

    private static async Task<List<TableEntity>> QueryRunPartitionsAsync(TableClient table, string frameworkId, string runId, CancellationToken cancellationToken)
    {
        var prefix = TableSchema.RunPartitionPrefix(frameworkId, runId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {TableSchema.UpperBound(prefix)}");
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, TableSchema.PartitionSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(e);
        }

        return rows;
    }

    private static async Task<TableEntity?> GetEntityAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_tablesReady)
        {
            return;
        }

        foreach (var table in new[] { _runs, _latest, _areaScores, _history, _values, _series, _seriesScores })
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        _tablesReady = true;
    }

    private Task RecreateTablesAsync(CancellationToken cancellationToken)
    {
        _tablesReady = false;
        return EnsureTablesAsync(cancellationToken);
    }

    private static string CheckConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
