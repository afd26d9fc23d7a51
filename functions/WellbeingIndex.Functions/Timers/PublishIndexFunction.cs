using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using WellbeingIndex.Api;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Functions.Timers;

/// <summary>
/// Publishes every framework in WELLBEING_FRAMEWORKS on the schedule in the WELLBEING_PUBLISH_SCHEDULE app setting
/// (six-field NCRONTAB, read in the zone WEBSITE_TIME_ZONE names: set it to Europe/London).
/// </summary>
public sealed class PublishIndexFunction(WellbeingRuntime runtime, IndexPublisher publisher, ApiSettings settings, ILogger<PublishIndexFunction> logger)
{
    public const string Name = "PublishIndex";

    /// <exception cref="InvalidOperationException">A framework failed to publish (the host records the invocation as failed).</exception>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%" + ApiSettings.ScheduleKey + "%")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        if (timer.IsPastDue)
        {
            logger.LogWarning("The publish timer was past due");
        }

        if (!await publisher.PublishAllAsync(runtime.Frameworks, settings.Frameworks, context.CancellationToken))
        {
            throw new InvalidOperationException($"Publishing failed for at least one of {string.Join(", ", settings.Frameworks)}; the log says which and why.");
        }
    }
}
