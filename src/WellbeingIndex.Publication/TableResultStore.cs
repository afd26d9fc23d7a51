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
/// A publish writes every row of the run (packed blocks of 1,000 areas, entity-group transactions within a partition,
/// several partitions at once) while the run's row says "writing", then marks the run complete, then switches the
/// framework's latest pointer with an If-Match on the ETag it read. Readers follow the pointer or complete runs only, so
/// they never see half a run. Complete runs never change, so their rows are cached (the last few runs read); the
/// latest pointer is re-read at most once per <c>latestRevalidation</c>, and only the pointer (a point read) when its
/// ETag is unchanged.
/// Storage faults follow <see cref="TableCalls"/>: vanished tables are recreated and the operation retried once; storage
/// that is unreachable or failing throws <see cref="StorageUnavailableException"/> after a few quick retries.
/// </summary>
public sealed class TableResultStore : IResultStore
{
    /// <summary>Runs whose rows stay in memory (an LSOA run is about 30 MB of rows).</summary>
    private const int CachedRuns = 4;

    private readonly TableClient _runs;
    private readonly TableClient _latest;
    private readonly TableClient _areaScores;
    private readonly TableClient _blocks;
    private readonly TableClient _places;
    private readonly TableClient _series;
    private readonly TableClient _seriesScores;
    private readonly IClock _clock;
    private readonly Duration _latestRevalidation;
    private readonly Func<int, CancellationToken, ValueTask>? _beforeTransaction;
    private readonly int _parallelTransactions;
    private readonly TableServiceClient _service;
    private readonly TableCalls _calls;
    private readonly object _cacheLock = new();
    private readonly Dictionary<string, LatestEntry> _latestCache = new(StringComparer.Ordinal);
    private readonly LinkedList<((string Framework, string Run) Key, Task<RunRows> Rows)> _rowsCache = new();
    private volatile bool _tablesReady;

    /// <param name="connectionString">A storage account (or Azurite) connection string.</param>
    /// <param name="tablePrefix">Prefix of the table names (letters and digits; default <c>Wellbeing</c>).</param>
    /// <param name="clock">Stamps publication times and ages the cached latest pointer.</param>
    /// <param name="latestRevalidation">How long a latest pointer read from storage is trusted (default 1 s; zero re-reads
    /// it on every call). A publish through this store is seen at once; one by another process within this time.</param>
    /// <param name="logger">Gets a line per storage fault; none when null.</param>
    public TableResultStore(string connectionString, string tablePrefix = "Wellbeing", IClock? clock = null, Duration? latestRevalidation = null,
        ILogger<TableResultStore>? logger = null)
        : this(new TableServiceClient(CheckConnectionString(connectionString), TableCalls.ClientOptions()), tablePrefix, clock, null,
            latestRevalidation: latestRevalidation, logger: logger)
    {
    }

    /// <param name="service">The account's table service.</param>
    /// <param name="tablePrefix">Prefix of the table names.</param>
    /// <param name="clock">Stamps publication times.</param>
    /// <param name="beforeTransaction">Test hook called before the n-th (0-based) unit of row writes (a partition's
    /// transactions); throwing from it simulates a publish dying midway.</param>
    /// <param name="parallelTransactions">Partitions written at once.</param>
    /// <param name="latestRevalidation">See the public constructor.</param>
    /// <param name="logger">Gets a line per storage fault; none when null.</param>
    internal TableResultStore(TableServiceClient service, string tablePrefix, IClock? clock,
        Func<int, CancellationToken, ValueTask>? beforeTransaction, int parallelTransactions = 8, Duration? latestRevalidation = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (string.IsNullOrEmpty(tablePrefix) || tablePrefix.Length > 40 || !char.IsAsciiLetter(tablePrefix[0]) || !tablePrefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Table prefix '{tablePrefix}' must be 1–40 letters and digits starting with a letter.", nameof(tablePrefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(parallelTransactions, 1);
        _latestRevalidation = latestRevalidation ?? Duration.FromSeconds(1);
        if (_latestRevalidation < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latestRevalidation), _latestRevalidation, "The revalidation interval cannot be negative.");
        }

        _runs = service.GetTableClient(TableSchema.Runs(tablePrefix));
        _latest = service.GetTableClient(TableSchema.Latest(tablePrefix));
        _areaScores = service.GetTableClient(TableSchema.AreaScores(tablePrefix));
        _blocks = service.GetTableClient(TableSchema.RunBlocks(tablePrefix));
        _places = service.GetTableClient(TableSchema.Places(tablePrefix));
        _series = service.GetTableClient(TableSchema.Series(tablePrefix));
        _seriesScores = service.GetTableClient(TableSchema.SeriesScores(tablePrefix));
        _clock = clock ?? SystemClock.Instance;
        _beforeTransaction = beforeTransaction;
        _parallelTransactions = parallelTransactions;
        _service = service;
        _calls = new TableCalls(RecreateTablesAsync, logger ?? NullLogger.Instance, service.Uri);
    }

    /// <summary>
    /// Asks the table service for this store's runs table (one call): readiness, not data. Cancel with
    /// <paramref name="cancellationToken"/> to bound the wait below the client's retries.
    /// </summary>
    /// <exception cref="StorageUnavailableException">Storage is unreachable, timed out or failing.</exception>
    public Task CheckReachableAsync(CancellationToken cancellationToken = default) =>
        _calls.RunAsync("ping", ct => TableCalls.TraceAsync(_runs.Name, "QueryTables", async c =>
        {
            await using var pages = _service.QueryAsync(t => t.Name == _runs.Name, 1, c).AsPages().GetAsyncEnumerator(c);
            return await pages.MoveNextAsync().ConfigureAwait(false);
        }, ct), cancellationToken);

    public Task<PublishedRun> PublishAsync(FrameworkRun run, CancellationToken cancellationToken = default) =>
        PublishAsync(run, [], cancellationToken);

    public Task<PublishedRun> PublishAsync(FrameworkRun run, IReadOnlyList<PlaceRollup> places, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("publish", ct => PublishOnceAsync(run, places, ct), cancellationToken);

    private async Task<PublishedRun> PublishOnceAsync(FrameworkRun run, IReadOnlyList<PlaceRollup> places, CancellationToken cancellationToken)
    {
        var publication = RunPublication.From(run, places, EngineFingerprint.Current);
        TableSchema.CheckColumns(publication.NodeCodes);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);

        var row = await GetEntityAsync(_runs, publication.FrameworkId, publication.RunId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            try
            {
                await AddAsync(_runs, TableSchema.RunEntity(publication, RunStatus.Writing, null), cancellationToken).ConfigureAwait(false);
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
        try
        {
            await SwitchLatestAsync(TableSchema.LatestPartition, published.FrameworkId, "RunId", published.RunId, published.ComputedAt,
                TableSchema.LatestEntity(published), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ForgetLatest(published.FrameworkId);
        }

        return published;
    }

    public Task<PublishedRun?> GetLatestRunAsync(string frameworkId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", ct => GetLatestRunOnceAsync(frameworkId, ct), cancellationToken);

    private async Task<PublishedRun?> GetLatestRunOnceAsync(string frameworkId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        LatestEntry? cached;
        long generation;
        var now = _clock.GetCurrentInstant();
        lock (_cacheLock)
        {
            cached = _latestCache.GetValueOrDefault(frameworkId);
            generation = cached?.Generation ?? 0;
            if (cached is { Run: not null } && now - cached.ReadAt < _latestRevalidation)
            {
                return cached.Run;
            }
        }

        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var pointer = await GetEntityAsync(_latest, TableSchema.LatestPartition, frameworkId, cancellationToken).ConfigureAwait(false);
        if (pointer is null)
        {
            return null;
        }

        // Same ETag, same run: the pointer read was the whole revalidation.
        var run = cached is { Run: not null } && cached.ETag == pointer.ETag
            ? cached.Run
            : await GetRunAsync(frameworkId, pointer.GetString("RunId"), cancellationToken).ConfigureAwait(false);
        lock (_cacheLock)
        {
            // A publish through this store since the read started wins: it bumped the generation.
            if ((_latestCache.GetValueOrDefault(frameworkId)?.Generation ?? 0) == generation)
            {
                _latestCache[frameworkId] = new LatestEntry(run, pointer.ETag, now, generation);
            }
        }

        return run;
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
        _calls.RunAsync("read", async ct => (await ReadRunAsync(frameworkId, runId, ct).ConfigureAwait(false)).Areas, cancellationToken);

    public Task<IReadOnlyList<IndicatorValueRow>> GetIndicatorValuesAsync(string frameworkId, string runId, CancellationToken cancellationToken = default) =>
        _calls.RunAsync("read", async ct => (await ReadRunAsync(frameworkId, runId, ct).ConfigureAwait(false)).Values, cancellationToken);

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
                await AddAsync(_series, TableSchema.SeriesEntity(publication, RunStatus.Writing, null), cancellationToken).ConfigureAwait(false);
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
        var rows = await TableCalls.QueryAsync(_seriesScores, filter, TableSchema.PartitionSize, cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(e => periods[e.GetString("Period")]).ThenBy(e => TableSchema.Int(e, "Order"))
            .Select(e => TableSchema.ToAreaScoreRow(e, seriesId, ReferencePeriod.Parse(e.GetString("Period")), nodes, e.RowKey)).ToList();
    }

    /// <summary>
    /// The run's rows: per-area score rows for small runs, then the packed blocks, then the place roll-ups. Each unit of
    /// work is one partition (built when its turn comes, so a large run is never all in memory as entities at once).
    /// </summary>
    private async Task WriteRowsAsync(RunPublication p, CancellationToken cancellationToken)
    {
        var work = new List<(TableClient Table, Func<TableEntity[]> Rows)>();
        var areas = p.AreaScores;
        if (areas.Count <= TableSchema.AreaRowsUpTo)
        {
            for (var c = 0; c * TableSchema.PartitionSize < areas.Count; c++)
            {
                var start = c * TableSchema.PartitionSize;
                var partition = TableSchema.AreaScorePartition(p.FrameworkId, p.RunId, c);
                var size = Math.Min(TableSchema.PartitionSize, areas.Count - start);
                work.Add((_areaScores, () => Enumerable.Range(start, size).Select(i => TableSchema.AreaScoreEntity(partition, areas[i], i)).ToArray()));
            }
        }

        for (var b = 0; b * TableSchema.BlockSize < areas.Count; b++)
        {
            var block = b;
            work.Add((_blocks, () => [.. TableSchema.BlockEntities(p, block)]));
        }

        foreach (var level in p.Places.GroupBy(r => r.Level))
        {
            var rollups = level.ToList();
            work.Add((_places, () => [.. rollups.SelectMany(r => r.Places.Select(s => TableSchema.PlaceEntity(p.FrameworkId, p.RunId, r, s)))]));
        }

        await SubmitAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes each unit (one partition's rows) as upsert-replace transactions of at most 100 rows and about 2 MiB,
    /// several units at once.
    /// </summary>
    private async Task SubmitAsync(IReadOnlyList<(TableClient Table, Func<TableEntity[]> Rows)> work, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelTransactions, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), options, async (n, ct) =>
        {
            if (_beforeTransaction is not null)
            {
                await _beforeTransaction(n, ct).ConfigureAwait(false);
            }

            var (table, build) = work[n];
            var batch = new List<TableTransactionAction>(TableSchema.TransactionSize);
            var bytes = 0;
            foreach (var entity in build())
            {
                var size = TableSchema.ApproximateBytes(entity);
                if (batch.Count == TableSchema.TransactionSize || (batch.Count > 0 && bytes + size > TableSchema.TransactionBytes))
                {
                    await TableCalls.SubmitAsync(table, batch, ct).ConfigureAwait(false);
                    batch = new List<TableTransactionAction>(TableSchema.TransactionSize);
                    bytes = 0;
                }

                batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
                bytes += size;
            }

            if (batch.Count > 0)
            {
                await TableCalls.SubmitAsync(table, batch, ct).ConfigureAwait(false);
            }
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
                await ReplaceAsync(table, complete(), row.ETag, cancellationToken).ConfigureAwait(false);
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
                    await AddAsync(_latest, pointer, cancellationToken).ConfigureAwait(false);
                }
                else if (current.GetString(idColumn) != id
                    && LatestPointer.ShouldReplace(TableSchema.ComputedAt(current), current.GetString(idColumn), computedAt, id))
                {
                    await ReplaceAsync(_latest, pointer, current.ETag, cancellationToken).ConfigureAwait(false);
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
        return await TableCalls.QueryAsync(_runs, filter, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A complete run's rows, from the cache or its blocks; empty when the run is unknown or not complete.</summary>
    private async Task<RunRows> ReadRunAsync(string frameworkId, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        Task<RunRows> read;
        lock (_cacheLock)
        {
            var hit = _rowsCache.FirstOrDefault(e => e.Key == (frameworkId, runId));
            if (hit.Rows is not null)
            {
                read = hit.Rows;
            }
            else
            {
                // Shared by concurrent readers; not tied to one caller's cancellation.
                read = ReadBlocksAsync(frameworkId, runId);
                _rowsCache.AddFirst(((frameworkId, runId), read));
                while (_rowsCache.Count > CachedRuns)
                {
                    _rowsCache.RemoveLast();
                }
            }
        }

        try
        {
            var rows = await read.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!rows.Complete)
            {
                Forget(read);
            }

            return rows;
        }
        catch (Exception) when (read.IsFaulted)
        {
            Forget(read);
            throw;
        }
    }

    private void Forget(Task<RunRows> read)
    {
        lock (_cacheLock)
        {
            var node = _rowsCache.First;
            while (node is not null && !ReferenceEquals(node.Value.Rows, read))
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _rowsCache.Remove(node);
            }
        }
    }

    private async Task<RunRows> ReadBlocksAsync(string frameworkId, string runId)
    {
        var row = await GetCompleteRunAsync(frameworkId, runId, CancellationToken.None).ConfigureAwait(false);
        if (row is null)
        {
            return RunRows.None;
        }

        var blocks = await QueryRunPartitionsAsync(_blocks, frameworkId, runId, CancellationToken.None).ConfigureAwait(false);
        var (areas, values) = TableSchema.FromBlocks(blocks, TableSchema.ToRun(row), TableSchema.Nodes(row));
        return new RunRows(areas, values, true);
    }

    /// <summary>A publish through this store makes the next latest read go to storage (and wins over reads in flight).</summary>
    private void ForgetLatest(string frameworkId)
    {
        lock (_cacheLock)
        {
            var generation = (_latestCache.GetValueOrDefault(frameworkId)?.Generation ?? 0) + 1;
            _latestCache[frameworkId] = new LatestEntry(null, default, default, generation);
        }
    }

    private static Task<List<TableEntity>> QueryRunPartitionsAsync(TableClient table, string frameworkId, string runId, CancellationToken cancellationToken)
    {
        var prefix = TableSchema.RunPartitionPrefix(frameworkId, runId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {TableSchema.UpperBound(prefix)}");
        return TableCalls.QueryAsync(table, filter, TableSchema.PartitionSize, cancellationToken);
    }

    private static Task<TableEntity?> GetEntityAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        TableCalls.GetAsync(table, partitionKey, rowKey, cancellationToken);

    private static Task<Response> AddAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken) =>
        TableCalls.TraceAsync(table.Name, "AddEntity", ct => table.AddEntityAsync(entity, ct), cancellationToken);

    /// <summary>Replaces an entity If-Match <paramref name="etag"/> (412 when it changed since read).</summary>
    private static Task<Response> ReplaceAsync(TableClient table, TableEntity entity, ETag etag, CancellationToken cancellationToken) =>
        TableCalls.TraceAsync(table.Name, "UpdateEntity", ct => table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct), cancellationToken);

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_tablesReady)
        {
            return;
        }

        foreach (var table in new[] { _runs, _latest, _areaScores, _blocks, _places, _series, _seriesScores })
        {
            await TableCalls.TraceAsync(table.Name, "CreateTable", async ct => await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }

        _tablesReady = true;
    }

    private Task RecreateTablesAsync(CancellationToken cancellationToken)
    {
        _tablesReady = false;
        return EnsureTablesAsync(cancellationToken);
    }

    private sealed record LatestEntry(PublishedRun? Run, ETag ETag, Instant ReadAt, long Generation);

    private sealed record RunRows(IReadOnlyList<AreaScoreRow> Areas, IReadOnlyList<IndicatorValueRow> Values, bool Complete)
    {
        public static readonly RunRows None = new([], [], false);
    }

    private static string CheckConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
