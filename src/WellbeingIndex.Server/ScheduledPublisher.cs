using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using WellbeingIndex.Api;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Server;

/// <summary>
/// The standalone server's publish timer: does what the function app's <c>PublishIndex</c> timer does under the
/// Functions host — publishes once at start (before Kestrel listens, so the first request already sees published
/// results) and then on the schedule (WELLBEING_PUBLISH_SCHEDULE, Europe/London).
/// </summary>
public sealed class ScheduledPublisher(IServiceProvider services, ApiSettings settings, IClock clock,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    private readonly Lazy<PublishSchedule?> _schedule = new(() => settings.TimerEnabled
        ? new PublishSchedule(settings.Schedule, PublishSchedule.London)
        : null);

    /// <summary>When the in-process timer publishes next; null when switched off.</summary>
    public Instant? NextPublish => _schedule.Value?.NextAfter(clock.GetCurrentInstant());

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.PublishOnStart)
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
        WellbeingRuntime runtime;
        try
        {
            // Resolved here, not injected: building them reads the data directory, and a wrong one must not stop the
            // API from starting (health stays up; data requests say what to check).
            publisher = services.GetRequiredService<IndexPublisher>();
            runtime = services.GetRequiredService<WellbeingRuntime>();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Cannot publish: the data or plug-ins could not be loaded");
            return;
        }

        await publisher.PublishAllAsync(runtime.Frameworks, settings.Frameworks, cancellationToken);
    }
}
