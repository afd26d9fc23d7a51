using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Api;
using WellbeingIndex.Server;
using WellbeingIndex.Tests;

namespace WellbeingIndex.Functions.Tests.Server;

public class ScheduledPublisherTests
{
    private static ScheduledPublisher Create(ApiSettings settings, IClock clock) =>
        new(new ServiceCollection().BuildServiceProvider(), settings, clock, NullLogger<ScheduledPublisher>.Instance);

    [Fact]
    public void The_standalone_timer_follows_the_default_schedule_in_london_time_across_clock_changes()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 28, 7, 0));
        var timer = Create(new ApiSettings(), clock);
        // 06:00 London on Sunday 29 March 2026 is already BST (clocks went forward at 01:00 UTC): 05:00 UTC.
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 5, 0), timer.NextPublish);
        clock.Reset(Instant.FromUtc(2026, 10, 24, 7, 0));
        // 06:00 London on Sunday 25 October 2026 is GMT again (clocks went back at 01:00 UTC): 06:00 UTC.
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 6, 0), timer.NextPublish);
    }

    [Fact]
    public void A_configured_schedule_replaces_the_default()
    {
        var timer = Create(new ApiSettings { Schedule = "0 30 18 * * 1-5" }, new FakeClock(Instant.FromUtc(2026, 11, 20, 19, 0)));
        // Friday 20 November 19:00 GMT: the next weekday 18:30 is Monday 23 November.
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 18, 30), timer.NextPublish);
    }

    [Fact]
    public void Switched_off_the_timer_does_not_run()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        Assert.Null(Create(new ApiSettings { TimerEnabled = false }, clock).NextPublish);
    }
}
