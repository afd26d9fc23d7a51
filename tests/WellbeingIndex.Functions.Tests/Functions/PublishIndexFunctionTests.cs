using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Functions.Timers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>The timer function called with a <see cref="TimerInfo"/>, as the host's schedule calls it.</summary>
public class PublishIndexFunctionTests
{
    [Fact]
    public async Task The_timer_publishes_every_configured_framework_at_its_latest_period()
    {
        using var host = new FunctionHost();
        await host.Function<PublishIndexFunction>().RunAsync(new TimerInfo { IsPastDue = true }, host.Context());
        var run = await host.Get<IResultStore>().GetLatestRunAsync("london");
        Assert.NotNull(run);
        Assert.Equal(await DirectRun.LatestPeriodAsync(), run.Period);
        Assert.Equal(33, run.AreaCount);
    }

    [Fact]
    public async Task A_failing_framework_fails_the_invocation_after_the_others_are_published()
    {
        using var host = new FunctionHost((ApiSettings.FrameworksKey, "paris, london"));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => host.Function<PublishIndexFunction>().RunAsync(new TimerInfo(), host.Context()));
        Assert.Contains("paris", e.Message);
        Assert.NotNull(await host.Get<IResultStore>().GetLatestRunAsync("london"));
    }
}
