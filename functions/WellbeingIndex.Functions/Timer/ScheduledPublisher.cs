using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using WellbeingIndex.Functions.Hosting;

namespace WellbeingIndex.Functions.Timer;

/// <summary>
/// Standalone only: does what the Functions host's timer does when the app runs without it — publishes once at start
/// (before Kestrel listens, so the first request already sees published results) and then on the schedule.
/// </summary>
public sealed class ScheduledPublisher(IServiceProvider services, FunctionSettings settings, IClock clock,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    private readonly Lazy<PublishSchedule?> _schedule = new(() => settings.TimerEnabled && !settings.UnderFunctionsHost
        ? settings.Schedule is { } expression
            ? new PublishSchedule(expression, PublishSchedule.London)
            : PublishSchedule.FromFunctionJson(Path.Combine(AppContext.BaseDirectory, "PublishIndex", "function.json"), PublishSchedule.London)
        : null);

    /// <summary>When the in-process timer publishes next; null under the Functions host (its timer does) or when switched off.</summary>
    public Instant? NextPublish => _schedule.Value?.NextAfter(clock.GetCurrentInstant());

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.PublishOnStart && !settings.UnderFunctionsHost)
        {
            await PublishAsync(cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_schedule.Value is not { } schedule)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (NextPublish is not { } next)
            {
                logger.LogWarning("The publish schedule '{Schedule}' never fires again", schedule.Expression);
                return;
            }

            logger.LogInformation("Next publish at {Next} ({Zone})", next.InZone(schedule.Zone), schedule.Zone.Id);
            // Sleep in slices of at most a day: Task.Delay's range is limited and the clock may be adjusted meanwhile.
            while (clock.GetCurrentInstant() is var now && now < next)
            {
                var wait = Duration.Min(next - now, Duration.FromDays(1)).ToTimeSpan();
                await Task.Delay(wait + TimeSpan.FromMilliseconds(1), stoppingToken);
            }

            await PublishAsync(stoppingToken);
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        IndexPublisher publisher;
        try
        {
            // Resolved here, not injected: building it reads the data directory, and a wrong one must not stop the API
            // from starting (health stays up; data requests say what to check).
            publisher = services.GetRequiredService<IndexPublisher>();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Cannot publish: the data or plug-ins could not be loaded");
            return;
        }

        var (_, logs) = await publisher.PublishAllAsync(cancellationToken);
        foreach (var line in logs)
        {
            logger.LogInformation("{Line}", line);
        }
    }
}
