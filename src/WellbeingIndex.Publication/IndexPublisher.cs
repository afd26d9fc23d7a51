using System.Diagnostics;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Diagnostics;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>
/// Computes a framework and publishes the run to a store: the work of the timer, of <c>POST .../publish</c> and of
/// <c>wellbeing publish</c>.
/// </summary>
public sealed class IndexPublisher
{
    private readonly FrameworkRunner _runner;
    private readonly IResultStore _store;
    private readonly ILogger _logger;
    private readonly ProviderContext? _data;

    /// <param name="runner">Computes frameworks from the discovered providers.</param>
    /// <param name="store">Where runs are published.</param>
    /// <param name="logger">Gets one line per published run and each failure; none when null.</param>
    /// <param name="data">The data directory (LSOA lookup and populations): when given, a small-area framework's run is
    /// published with its roll-ups to districts, regions and England (<see cref="RollUp"/>).</param>
    public IndexPublisher(FrameworkRunner runner, IResultStore store, ILogger<IndexPublisher>? logger = null, ProviderContext? data = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(store);
        _runner = runner;
        _store = store;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _data = data;
    }

    /// <summary>True when every area of <paramref name="framework"/> is an English LSOA (GSS entity E01): a small-area framework.</summary>
    public static bool IsSmallArea(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return framework.Areas.Count > 0 && framework.Areas.All(a => a.Code.StartsWith("E01", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every aggregate node of a small-area run rolled up to districts, regions and England (population-weighted, with
    /// the inequality within each place); empty for other frameworks. The IoD measures read the definition's polarity
    /// (<see cref="WellbeingIndex.Engine.Definition.IndexDefinition.HigherIsWorse"/>): its worst end is the most deprived.
    /// </summary>
    /// <exception cref="ArgumentException">An area is not a 2021 LSOA.</exception>
    public static IReadOnlyList<PlaceRollup> RollUp(FrameworkRun run, ProviderContext data)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(data);
        if (!IsSmallArea(run.Framework))
        {
            return [];
        }

        var nodes = run.Result.Definition.Nodes.Where(n => n.Type == WellbeingIndex.Engine.Definition.NodeType.Aggregate)
            .OrderBy(n => n.Parent is null ? 0 : 1).Select(n => n.Code);
        var higherIsWorse = run.Result.Definition.HigherIsWorse;
        return [.. nodes.SelectMany(node => PlaceLevels.All.Select(level => PlaceRollup.Compute(run, node, level, data, higherIsWorse)))];
    }

    /// <summary>
    /// Publishes <paramref name="framework"/> at <paramref name="period"/>, or at its latest period when null. The store
    /// is asked first whether it can be reached, so storage that is down fails the publish before seconds of computing.
    /// </summary>
    /// <exception cref="WellbeingIndex.Engine.IndexComputationException">The data cannot support the index at that period.</exception>
    /// <exception cref="Storage.StorageUnavailableException">The store is unreachable, timed out or failing.</exception>
    public async Task<PublishedRun> PublishAsync(Framework framework, ReferencePeriod? period = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        using var activity = StartPublish(framework, "run");
        try
        {
            await _store.CheckReachableAsync(cancellationToken);
            var at = period ?? await _runner.LatestPeriodAsync(framework, cancellationToken);
            activity?.SetTag(WellbeingTelemetry.Period, at.ToString());
            var run = await _runner.ComputeAsync(framework, at, null, null, cancellationToken);
            var places = _data is null ? [] : RollUp(run, _data);
            var published = await _store.PublishAsync(run, places, cancellationToken);
            activity?.SetTag(WellbeingTelemetry.RunId, published.RunId);
            _logger.LogInformation("Published {Framework} {Period} as run {RunId} ({Areas} areas, {Indicators} indicators)", published.FrameworkId,
                published.Period, published.RunId, published.AreaCount, published.IndicatorCount);
            return published;
        }
        catch (Exception e) when (e is not OperationCanceledException && Failed(activity, framework, "run", e))
        {
            throw;
        }
    }

    /// <summary>
    /// Publishes <paramref name="framework"/>'s periods as one comparable series over the span and in the time mode its
    /// definition's time block states; null (nothing published) when the definition states no series.
    /// </summary>
    /// <exception cref="WellbeingIndex.Engine.IndexComputationException">The data cannot support the index at a period of the span.</exception>
    /// <exception cref="Storage.StorageUnavailableException">The store is unreachable, timed out or failing (asked before computing).</exception>
    public async Task<PublishedSeries?> PublishSeriesAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (await _runner.SeriesSpanAsync(framework, cancellationToken) is not var (from, to))
        {
            return null;
        }

        using var activity = StartPublish(framework, "series")?.SetTag(WellbeingTelemetry.Period, from.ToString());
        try
        {
            await _store.CheckReachableAsync(cancellationToken);
            var series = await _runner.ComputeSeriesAsync(framework, from, to, ct: cancellationToken);
            var published = await _store.PublishSeriesAsync(series, cancellationToken);
            activity?.SetTag(WellbeingTelemetry.RunId, published.SeriesId);
            _logger.LogInformation("Published {Framework} series {From}–{To} ({Mode}) as {SeriesId}", published.FrameworkId, published.From, published.To,
                published.TimeMode, published.SeriesId);
            return published;
        }
        catch (Exception e) when (e is not OperationCanceledException && Failed(activity, framework, "series", e))
        {
            throw;
        }
    }

    private static Activity? StartPublish(Framework framework, string kind) =>
        WellbeingTelemetry.Start(WellbeingTelemetry.Publish)?.SetTag(WellbeingTelemetry.FrameworkId, framework.Id).SetTag(WellbeingTelemetry.RunKind, kind);

    /// <summary>Records a failed publish (error status, <c>wellbeing.publish.failures</c>, a log line); false, so the exception propagates untouched.</summary>
    private bool Failed(Activity? activity, Framework framework, string kind, Exception exception)
    {
        var error = exception is RequestFailedException { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().Name;
        WellbeingTelemetry.Fail(activity, error, exception.Message);
        WellbeingTelemetry.PublishFailures.Add(1, new KeyValuePair<string, object?>(WellbeingTelemetry.FrameworkId, framework.Id),
            new KeyValuePair<string, object?>(WellbeingTelemetry.RunKind, kind), new KeyValuePair<string, object?>(WellbeingTelemetry.ErrorType, error));
        _logger.LogWarning("Publishing {Framework} ({Kind}) failed: {ErrorType}", framework.Id, kind, error);
        return false;
    }

    /// <summary>
    /// Publishes each framework named in <paramref name="frameworkIds"/> at its latest period, and its series when the
    /// definition states one (<see cref="PublishSeriesAsync"/>); one failing (or not in
    /// <paramref name="catalog"/>) does not stop the others, and each failure is logged. Returns whether all succeeded.
    /// </summary>
    public async Task<bool> PublishAllAsync(FrameworkCatalog catalog, IEnumerable<string> frameworkIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(frameworkIds);
        var ok = true;
        foreach (var id in frameworkIds)
        {
            try
            {
                if (!catalog.TryGet(id, out var framework))
                {
                    throw new KeyNotFoundException($"No framework '{id}'. Known: {string.Join(", ", catalog.All.Select(f => f.Id))}.");
                }

                await PublishAsync(framework, null, cancellationToken);
                await PublishSeriesAsync(framework, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ok = false;
                _logger.LogError(e, "Publishing {Framework} failed", id);
            }
        }

        return ok;
    }
}
