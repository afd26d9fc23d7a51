using NodaTime;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>
/// The embedded default store: no service needed, nothing survives the process. It keeps the same publication protocol
/// as <see cref="TableResultStore"/> (rows, then completion, then a versioned compare-and-swap of the latest pointer), so
/// code and tests that run against it behave the same against Table Storage. Thread-safe.
/// </summary>
public sealed class InMemoryResultStore : IResultStore
{
    /// <summary>Rows written per step, as one table transaction holds at most 100.</summary>
    private const int BatchSize = 100;

    private readonly object _lock = new();
    private readonly Dictionary<(string Framework, string Run), StoredRun> _runs = new();
    private readonly Dictionary<string, (string RunId, long Version)> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Framework, string Series), StoredSeries> _series = new();
    private readonly Dictionary<string, string> _latestSeries = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private readonly Func<int, CancellationToken, ValueTask>? _beforeBatch;

    public InMemoryResultStore(IClock? clock = null)
        : this(clock, null)
    {
    }

    /// <param name="clock">Stamps publication times.</param>
    /// <param name="beforeBatch">Test hook called before the n-th (0-based) batch of rows is written; throwing from it
    /// simulates a publish dying midway.</param>
    internal InMemoryResultStore(IClock? clock, Func<int, CancellationToken, ValueTask>? beforeBatch)
    {
        _clock = clock ?? SystemClock.Instance;
        _beforeBatch = beforeBatch;
    }

    /// <summary>Memory is always reachable.</summary>
    public Task CheckReachableAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<PublishedRun> PublishAsync(FrameworkRun run, CancellationToken cancellationToken = default) =>
        PublishAsync(run, [], cancellationToken);

    /// <remarks>Roll-ups are checked but not kept: only the table store publishes them (dashboards read them there).</remarks>
    public async Task<PublishedRun> PublishAsync(FrameworkRun run, IReadOnlyList<PlaceRollup> places, CancellationToken cancellationToken = default)
    {
        var publication = RunPublication.From(run, places, EngineFingerprint.Current);
        var key = (publication.FrameworkId, publication.RunId);
        StoredRun stored;
        lock (_lock)
        {
            if (!_runs.TryGetValue(key, out stored!))
            {
                stored = new StoredRun(publication);
                _runs[key] = stored;
            }
        }

        if (stored.Completed is null)
        {
            await WriteRowsAsync(stored, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                stored.Completed ??= stored.Publication.ToRun(RunStatus.Complete, _clock.GetCurrentInstant());
            }
        }

        var published = stored.Completed!;
        SwitchLatest(published);
        return published;
    }

    public Task<PublishedRun?> GetLatestRunAsync(string frameworkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        lock (_lock)
        {
            return Task.FromResult(_latest.TryGetValue(frameworkId, out var pointer) ? Complete(frameworkId, pointer.RunId)?.Completed : null);
        }
    }

    public Task<PublishedRun?> GetRunAsync(string frameworkId, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        lock (_lock)
        {
            return Task.FromResult(Complete(frameworkId, runId)?.Completed);
        }
    }

    public Task<IReadOnlyList<PublishedRun>> ListRunsAsync(string frameworkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        lock (_lock)
        {
            IReadOnlyList<PublishedRun> runs = CompleteRuns(frameworkId).Select(r => r.Completed!)
                .OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).ToList();
            return Task.FromResult(runs);
        }
    }

    public Task<IReadOnlyList<AreaScoreRow>> GetAreaScoresAsync(string frameworkId, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AreaScoreRow>>(Complete(frameworkId, runId)?.AreaScores.ToList() ?? []);
        }
    }

    public Task<IReadOnlyList<IndicatorValueRow>> GetIndicatorValuesAsync(string frameworkId, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<IndicatorValueRow>>(Complete(frameworkId, runId)?.IndicatorValues.ToList() ?? []);
        }
    }

    public async Task<PublishedSeries> PublishSeriesAsync(FrameworkSeries series, CancellationToken cancellationToken = default)
    {
        var publication = SeriesPublication.From(series);
        var key = (publication.FrameworkId, publication.SeriesId);
        StoredSeries stored;
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out stored!))
            {
                stored = new StoredSeries(publication);
                _series[key] = stored;
            }
        }

        if (stored.Completed is null)
        {
            var rows = stored.Publication.Rows;
            for (int start = 0, batch = 0; start < rows.Count; start += BatchSize, batch++)
            {
                await BeforeBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                lock (_lock)
                {
                    for (var i = start; i < Math.Min(start + BatchSize, rows.Count); i++)
                    {
                        stored.Rows[i] = rows[i];
                    }
                }
            }

            lock (_lock)
            {
                stored.Completed ??= stored.Publication.ToSeries(RunStatus.Complete, _clock.GetCurrentInstant());
            }
        }

        var published = stored.Completed!;
        lock (_lock)
        {
            if (!_latestSeries.TryGetValue(published.FrameworkId, out var currentId)
                || (currentId != published.SeriesId && _series[(published.FrameworkId, currentId)].Completed is { } current
                    && LatestPointer.ShouldReplace(current.ComputedAt, current.SeriesId, published.ComputedAt, published.SeriesId)))
            {
                _latestSeries[published.FrameworkId] = published.SeriesId;
            }
        }

        return published;
    }

    public Task<PublishedSeries?> GetLatestSeriesAsync(string frameworkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        lock (_lock)
        {
            return Task.FromResult(_latestSeries.TryGetValue(frameworkId, out var id) ? _series[(frameworkId, id)].Completed : null);
        }
    }

    public Task<IReadOnlyList<AreaScoreRow>> GetSeriesScoresAsync(string frameworkId, string seriesId, string? areaCode = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frameworkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(seriesId);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AreaScoreRow>>(
                _series.TryGetValue((frameworkId, seriesId), out var s) && s.Completed is not null
                    ? s.Rows.Where(r => areaCode is null || r.AreaCode == areaCode).ToList()
                    : []);
        }
    }

    private async Task WriteRowsAsync(StoredRun stored, CancellationToken cancellationToken)
    {
        var publication = stored.Publication;
        var batch = 0;
        for (var start = 0; start < publication.AreaScores.Count; start += BatchSize, batch++)
        {
            await BeforeBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                for (var i = start; i < Math.Min(start + BatchSize, publication.AreaScores.Count); i++)
                {
                    stored.AreaScores[i] = publication.AreaScores[i];
                }
            }
        }

        for (var start = 0; start < publication.IndicatorValues.Count; start += BatchSize, batch++)
        {
            await BeforeBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                for (var i = start; i < Math.Min(start + BatchSize, publication.IndicatorValues.Count); i++)
                {
                    stored.IndicatorValues[i] = publication.IndicatorValues[i];
                }
            }
        }
    }

    private async ValueTask BeforeBatchAsync(int batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_beforeBatch is not null)
        {
            await _beforeBatch(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Read the pointer and its version, decide, then swap only if the version is unchanged (as If-Match does).</summary>
    private void SwitchLatest(PublishedRun run)
    {
        while (true)
        {
            (string RunId, long Version)? current;
            PublishedRun? currentRun;
            lock (_lock)
            {
                current = _latest.TryGetValue(run.FrameworkId, out var p) ? p : null;
                currentRun = current is null ? null : _runs[(run.FrameworkId, current.Value.RunId)].Completed;
            }

            if (currentRun is not null
                && (currentRun.RunId == run.RunId || !LatestPointer.ShouldReplace(currentRun.ComputedAt, currentRun.RunId, run.ComputedAt, run.RunId)))
            {
                return;
            }

            lock (_lock)
            {
                var now = _latest.TryGetValue(run.FrameworkId, out var p) ? p : ((string, long)?)null;
                if (now == current)
                {
                    _latest[run.FrameworkId] = (run.RunId, (current?.Version ?? 0) + 1);
                    return;
                }
            }
        }
    }

    private StoredRun? Complete(string frameworkId, string runId) =>
        _runs.TryGetValue((frameworkId, runId), out var r) && r.Completed is not null ? r : null;

    private IEnumerable<StoredRun> CompleteRuns(string frameworkId) =>
        _runs.Where(kv => kv.Key.Framework == frameworkId && kv.Value.Completed is not null).Select(kv => kv.Value);

    private sealed class StoredRun(RunPublication publication)
    {
        /// <summary>The first publication of this run id; a re-publish keeps its computation time, as the table store does.</summary>
        public RunPublication Publication { get; } = publication;

        public AreaScoreRow[] AreaScores { get; } = new AreaScoreRow[publication.AreaScores.Count];

        public IndicatorValueRow[] IndicatorValues { get; } = new IndicatorValueRow[publication.IndicatorValues.Count];

        public PublishedRun? Completed { get; set; }
    }

    private sealed class StoredSeries(SeriesPublication publication)
    {
        public SeriesPublication Publication { get; } = publication;

        public AreaScoreRow[] Rows { get; } = new AreaScoreRow[publication.Rows.Count];

        public PublishedSeries? Completed { get; set; }
    }
}
