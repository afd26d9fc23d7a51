using Azure;
using Azure.Data.Tables;
using NodaTime;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>
/// Publishes runs to Azure Table Storage (or Azurite) for dashboards; <c>functions/TABLES.md</c> documents the tables.
/// A publish writes every row of the run (entity-group transactions of at most 100 rows, partitions of at most 1,000)
/// while the run's row says "writing", then marks the run complete, then switches the framework's latest pointer with
/// an If-Match on the ETag it read. Readers follow the pointer or complete runs only, so they never see half a run.
/// </summary>
public sealed class TableResultStore : IResultStore
{
    private readonly TableClient _runs;
    private readonly TableClient _latest;
    private readonly TableClient _areaScores;
    private readonly TableClient _history;
    private readonly TableClient _values;
    private readonly IClock _clock;
    private readonly Func<int, CancellationToken, ValueTask>? _beforeTransaction;
    private readonly int _parallelTransactions;
    private volatile bool _tablesReady;

    /// <param name="connectionString">A storage account (or Azurite) connection string.</param>
    /// <param name="tablePrefix">Prefix of the five table names (letters and digits; default <c>Wellbeing</c>).</param>
    /// <param name="clock">Stamps publication times.</param>
    public TableResultStore(string connectionString, string tablePrefix = "Wellbeing", IClock? clock = null)
        : this(new TableServiceClient(CheckConnectionString(connectionString)), tablePrefix, clock, null)
    {
    }

    /// <param name="service">The account's table service.</param>
    /// <param name="tablePrefix">Prefix of the table names.</param>
    /// <param name="clock">Stamps publication times.</param>
    /// <param name="beforeTransaction">Test hook called before the n-th (0-based) row transaction; throwing from it
    /// simulates a publish dying midway.</param>
    /// <param name="parallelTransactions">Row transactions in flight at once.</param>
    internal TableResultStore(TableServiceClient service, string tablePrefix, IClock? clock,
        Func<int, CancellationToken, ValueTask>? beforeTransaction, int parallelTransactions = 8)
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
        _clock = clock ?? SystemClock.Instance;
        _beforeTransaction = beforeTransaction;
        _parallelTransactions = parallelTransactions;
    }

    public async Task<PublishedRun> PublishAsync(FrameworkRun run, CancellationToken cancellationToken = default)
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
            row = await CompleteAsync(publication, row, cancellationToken).ConfigureAwait(false);
        }

        var published = TableSchema.ToRun(row);
        await SwitchLatestAsync(published, cancellationToken).ConfigureAwait(false);
        return published;
    }

    public async Task<PublishedRun?> GetLatestRunAsync(string frameworkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var pointer = await GetEntityAsync(_latest, TableSchema.LatestPartition, frameworkId, cancellationToken).ConfigureAwait(false);
        return pointer is null ? null : await GetRunAsync(frameworkId, pointer.GetString("RunId"), cancellationToken).ConfigureAwait(false);
    }

    public async Task<PublishedRun?> GetRunAsync(string frameworkId, string runId, CancellationToken cancellationToken = default)
    {
        var row = await GetCompleteRunAsync(frameworkId, runId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : TableSchema.ToRun(row);
    }

    public async Task<IReadOnlyList<PublishedRun>> ListRunsAsync(string frameworkId, CancellationToken cancellationToken = default) =>
        (await ListCompleteRunsAsync(frameworkId, cancellationToken).ConfigureAwait(false)).Select(TableSchema.ToRun)
        .OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<AreaScoreRow>> GetAreaScoresAsync(string frameworkId, string runId, CancellationToken cancellationToken = default)
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

    public async Task<IReadOnlyList<IndicatorValueRow>> GetIndicatorValuesAsync(string frameworkId, string runId, CancellationToken cancellationToken = default)
    {
        if (await GetCompleteRunAsync(frameworkId, runId, cancellationToken).ConfigureAwait(false) is null)
        {
            return [];
        }

        var rows = await QueryRunPartitionsAsync(_values, frameworkId, runId, cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(e => TableSchema.Int(e, "IndicatorOrder")).ThenBy(e => TableSchema.Int(e, "Order"))
            .Select(TableSchema.ToIndicatorValueRow).ToList();
    }

    public async Task<IReadOnlyList<AreaScoreRow>> GetAreaHistoryAsync(string frameworkId, string areaCode, CancellationToken cancellationToken = default)
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

        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelTransactions, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, transactions.Count), options, async (n, ct) =>
        {
            if (_beforeTransaction is not null)
            {
                await _beforeTransaction(n, ct).ConfigureAwait(false);
            }

            var (table, rows) = transactions[n];
            await table.SubmitTransactionAsync(rows().Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct)
                .ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Marks the run complete unless a concurrent publisher of the same run already did (then its row stands).</summary>
    private async Task<TableEntity> CompleteAsync(RunPublication p, TableEntity row, CancellationToken cancellationToken)
    {
        while (!TableSchema.IsComplete(row))
        {
            var complete = TableSchema.RunEntity(p, RunStatus.Complete, RunPublication.Truncate(_clock.GetCurrentInstant()));
            try
            {
                await _runs.UpdateEntityAsync(complete, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed since read: fall through and re-read.
            }

            row = await GetEntityAsync(_runs, p.FrameworkId, p.RunId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run '{p.RunId}' vanished from table '{_runs.Name}' while being published.");
        }

        return row;
    }

    /// <summary>
    /// Creates the pointer if absent (add fails if another publisher created it first) or replaces it If-Match the ETag
    /// read; on a conflict it re-reads and decides again, so a run computed earlier never replaces a later one.
    /// </summary>
    private async Task SwitchLatestAsync(PublishedRun run, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await GetEntityAsync(_latest, TableSchema.LatestPartition, run.FrameworkId, cancellationToken).ConfigureAwait(false);
            try
            {
                if (current is null)
                {
                    await _latest.AddEntityAsync(TableSchema.LatestEntity(run), cancellationToken).ConfigureAwait(false);
                }
                else if (current.GetString("RunId") != run.RunId
                    && LatestPointer.ShouldReplace(TableSchema.ComputedAt(current), current.GetString("RunId"), run.ComputedAt, run.RunId))
                {
                    await _latest.UpdateEntityAsync(TableSchema.LatestEntity(run), current.ETag, TableUpdateMode.Replace, cancellationToken)
                        .ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another publisher moved the pointer between our read and write: read again and decide again.
            }
        }

        throw new InvalidOperationException($"Could not switch the latest pointer of '{run.FrameworkId}' to run '{run.RunId}': 50 conflicting updates in a row.");
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

        foreach (var table in new[] { _runs, _latest, _areaScores, _history, _values })
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        _tablesReady = true;
    }

    private static string CheckConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
