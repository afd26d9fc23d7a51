using Microsoft.Extensions.Logging;
using WellbeingIndex.Functions.Hosting;
using WellbeingIndex.Functions.Storage;

namespace WellbeingIndex.Functions.Timer;

/// <summary>Recomputes frameworks at their latest period and publishes them: the work of the timer and of POST .../publish.</summary>
public sealed class IndexPublisher(WellbeingRuntime runtime, IResultStore store, FunctionSettings settings, ILogger<IndexPublisher> logger)
{
    public async Task<PublishedRun> PublishAsync(string frameworkId, CancellationToken cancellationToken)
    {
        var framework = runtime.Framework(frameworkId);
        var period = await runtime.Runner.LatestPeriodAsync(framework, cancellationToken);
        var run = await runtime.Runner.ComputeAsync(framework, period, null, null, cancellationToken);
        var published = await store.PublishAsync(run, cancellationToken);
        logger.LogInformation("Published {Framework} {Period} as run {RunId} ({Areas} areas)", published.FrameworkId, published.Period,
            published.RunId, published.AreaCount);
        return published;
    }

    /// <summary>
    /// Publishes every configured framework; one failing does not stop the others. Returns a log line per framework
    /// (the timer invocation hands them to the host) and whether all succeeded.
    /// </summary>
    public async Task<(bool Succeeded, IReadOnlyList<string> Logs)> PublishAllAsync(CancellationToken cancellationToken)
    {
        var logs = new List<string>();
        var ok = true;
        foreach (var id in settings.Frameworks)
        {
            try
            {
                var run = await PublishAsync(id, cancellationToken);
                logs.Add($"Published {run.FrameworkId} {run.Period} as run {run.RunId} ({run.AreaCount} areas, {run.IndicatorCount} indicators).");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ok = false;
                logger.LogError(e, "Publishing {Framework} failed", id);
                logs.Add($"Publishing {id} failed: {Http.ProblemMiddleware.FromException(e).Detail}");
            }
        }

        return (ok, logs);
    }
}
