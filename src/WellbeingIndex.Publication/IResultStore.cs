using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>
/// Where published index runs live: Azure Table Storage in production (<see cref="TableResultStore"/>), memory when no
/// storage is configured (<see cref="InMemoryResultStore"/>). Publication is atomic for readers: a run's rows are written
/// first, the run is then marked complete and the framework's "latest" pointer is switched last, so every read method
/// sees complete runs only and a publish that dies midway leaves readers on the previous complete run.
/// </summary>
public interface IResultStore
{
    /// <summary>
    /// Asks the store whether it can be reached now: one cheap call, made before a publish spends seconds computing a run
    /// it could not write, and by readiness probes. Cancel with <paramref name="cancellationToken"/> to bound the wait.
    /// </summary>
    /// <exception cref="Storage.StorageUnavailableException">The store is unreachable, timed out or failing.</exception>
    Task CheckReachableAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes <paramref name="run"/> and makes it the framework's latest run unless a run computed later is already
    /// latest. Idempotent: the run id is derived from the inputs, so publishing the same run again (for example after a
    /// failure midway) rewrites identical rows and returns the same run.
    /// </summary>
    Task<PublishedRun> PublishAsync(FrameworkRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="PublishAsync(FrameworkRun, CancellationToken)"/>, with the run's roll-ups to places written with
    /// its rows (a small-area framework's <see cref="PlaceRollup"/>s; <c>functions/TABLES.md</c>, table <c>Places</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A roll-up is of another framework or period, or a key holds a forbidden character.</exception>
    Task<PublishedRun> PublishAsync(FrameworkRun run, IReadOnlyList<PlaceRollup> places, CancellationToken cancellationToken = default);

    /// <summary>The run the framework's latest pointer names; null when nothing has been published.</summary>
    Task<PublishedRun?> GetLatestRunAsync(string frameworkId, CancellationToken cancellationToken = default);

    /// <summary>A complete run; null when unknown or still being written.</summary>
    Task<PublishedRun?> GetRunAsync(string frameworkId, string runId, CancellationToken cancellationToken = default);

    /// <summary>Every complete run of the framework, newest (by computation time) first.</summary>
    Task<IReadOnlyList<PublishedRun>> ListRunsAsync(string frameworkId, CancellationToken cancellationToken = default);

    /// <summary>One row per area in the run's area order; empty when the run is unknown or not complete.</summary>
    Task<IReadOnlyList<AreaScoreRow>> GetAreaScoresAsync(string frameworkId, string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One row per indicator and area, indicators in definition order then areas in the run's order; empty when the run
    /// is unknown or not complete.
    /// </summary>
    Task<IReadOnlyList<IndicatorValueRow>> GetIndicatorValuesAsync(string frameworkId, string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes <paramref name="series"/> (every period's rows, then the series marked complete, then the framework's
    /// "latest series" pointer switched) and makes it latest unless a series computed later already is. Idempotent, as
    /// <see cref="PublishAsync(FrameworkRun, CancellationToken)"/> is.
    /// </summary>
    Task<PublishedSeries> PublishSeriesAsync(FrameworkSeries series, CancellationToken cancellationToken = default);

    /// <summary>The series the framework's latest-series pointer names; null when none has been published.</summary>
    Task<PublishedSeries?> GetLatestSeriesAsync(string frameworkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A complete series' rows, periods oldest first then areas in the series' order; only <paramref name="areaCode"/>'s
    /// when given. Empty when the series is unknown or not complete.
    /// </summary>
    Task<IReadOnlyList<AreaScoreRow>> GetSeriesScoresAsync(string frameworkId, string seriesId, string? areaCode = null,
        CancellationToken cancellationToken = default);
}
