using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WellbeingIndex.Abstractions;
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

    /// <param name="runner">Computes frameworks from the discovered providers.</param>
    /// <param name="store">Where runs are published.</param>
    /// <param name="logger">Gets one line per published run and each failure; none when null.</param>
    public IndexPublisher(FrameworkRunner runner, IResultStore store, ILogger<IndexPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(store);
        _runner = runner;
        _store = store;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Publishes <paramref name="framework"/> at <paramref name="period"/>, or at its latest period when null.</summary>
    /// <exception cref="WellbeingIndex.Engine.IndexComputationException">The data cannot support the index at that period.</exception>
    public async Task<PublishedRun> PublishAsync(Framework framework, ReferencePeriod? period = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var at = period ?? await _runner.LatestPeriodAsync(framework, cancellationToken);
        var run = await _runner.ComputeAsync(framework, at, null, null, cancellationToken);
        var published = await _store.PublishAsync(run, cancellationToken);
        _logger.LogInformation("Published {Framework} {Period} as run {RunId} ({Areas} areas, {Indicators} indicators)", published.FrameworkId,
            published.Period, published.RunId, published.AreaCount, published.IndicatorCount);
        return published;
    }

    /// <summary>
    /// Publishes each framework named in <paramref name="frameworkIds"/> at its latest period; one failing (or not in
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
