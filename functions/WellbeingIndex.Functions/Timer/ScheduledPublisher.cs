using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using WellbeingIndex.Functions.Hosting;

namespace WellbeingIndex.Functions.Timer;

/// <summary>
/// Standalone only: does what the Functions host's timer does when the app runs without it — publishes once at start
/// (before Kestrel listens, so the first request already sees published results) and then on the schedule.
/// </summary>
public sealed class ScheduledPublisher(IndexPublisher publisher, FunctionSettings settings, IClock clock,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
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
        if (!settings.TimerEnabled || settings.UnderFunctionsHost)
        {
            return;
        }

        var schedule = settings.Schedule is { } expression
            ? new PublishSchedule(expression, PublishSchedule.London)
            : PublishSchedule.FromFunctionJson(Path.Combine(AppContext.BaseDirectory, "PublishIndex", "function.json"), PublishSchedule.London);

        while (!stoppingToken.IsCancellationRequested)
        {
            if (schedule.NextAfter(clock.GetCurrentInstant()) is not { } next)
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
        var (_, logs) = await publisher.PublishAllAsync(cancellationToken);
        foreach (var line in logs)
        {
            logger.LogInformation("{Line}", line);
        }
    }
}
