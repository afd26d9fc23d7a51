using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Work;

namespace WellbeingIndex.Functions.Tests.Work;

/// <summary>The heavy-work gate and the threads it computes on, without HTTP.</summary>
public class HeavyWorkTests
{
    [Fact]
    public async Task Heavy_work_runs_on_the_work_threads_after_awaits_too_so_its_blocking_parts_hold_no_pool_thread()
    {
        using var scheduler = new WorkScheduler(2);
        using var gate = new HeavyWork(new WorkLimits { HeavyConcurrency = 1, HeavyQueue = 0 }, scheduler);
        var threads = await gate.RunAsync(1, heavy: true, "uncertainty", async _ =>
        {
            var before = (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name);
            await Task.Delay(1); // the continuation (a compute after its data fetch) resumes on the work threads too
            return new[] { before, (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name) };
        });
        Assert.All(threads, t => Assert.False(t.IsThreadPoolThread));
        Assert.All(threads, t => Assert.StartsWith("wellbeing-work-", t.Name));
    }

    [Fact]
    public async Task Light_work_runs_inline_and_is_never_refused()
    {
        using var scheduler = new WorkScheduler(1);
        using var gate = new HeavyWork(new WorkLimits { HeavyConcurrency = 1, HeavyQueue = 0, LightWork = 1000 }, scheduler);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heavy = gate.RunAsync(1_000_000, heavy: false, "areas", _ => release.Task);
        // 990 cells (33 areas × 30 nodes) is light: it passes while the one heavy slot is taken.
        Assert.Equal(7, await gate.RunAsync(990, heavy: false, "areas", _ => Task.FromResult(7)));
        release.SetResult(1);
        Assert.Equal(1, await heavy);
    }

    [Fact]
    public async Task Beyond_the_slots_and_the_queue_heavy_work_is_refused_with_429_retry_after_naming_the_field()
    {
        using var scheduler = new WorkScheduler(1);
        using var gate = new HeavyWork(new WorkLimits { HeavyConcurrency = 1, HeavyQueue = 1 }, scheduler);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = gate.RunAsync(1, heavy: true, "uncertainty", _ => release.Task);
        var queued = gate.RunAsync(1, heavy: true, "uncertainty", _ => Task.FromResult(2));
        Assert.False(queued.IsCompleted);

        var refused = await Assert.ThrowsAsync<ApiException>(() => gate.RunAsync(1, heavy: true, "uncertainty", _ => Task.FromResult(3)));
        Assert.Equal(429, refused.Problem.Status);
        Assert.Equal(["uncertainty"], refused.Problem.Errors!.Keys);
        Assert.InRange(refused.Problem.RetryAfter!.Value.TotalSeconds, 1, 60);

        release.SetResult(1);
        Assert.Equal(1, await running);
        Assert.Equal(2, await queued); // the queued request ran once the slot was free
        Assert.Equal(0, gate.Admitted);
    }

    [Fact]
    public async Task A_client_that_goes_away_leaves_the_queue()
    {
        using var scheduler = new WorkScheduler(1);
        using var gate = new HeavyWork(new WorkLimits { HeavyConcurrency = 1, HeavyQueue = 1 }, scheduler);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = gate.RunAsync(1, heavy: true, "uncertainty", _ => release.Task);
        using var gone = new CancellationTokenSource();
        var waiting = gate.RunAsync(1, heavy: true, "uncertainty", _ => Task.FromResult(2), gone.Token);
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        // Its place in the queue is free again.
        var next = gate.RunAsync(1, heavy: true, "uncertainty", _ => Task.FromResult(3));
        release.SetResult(1);
        Assert.Equal(3, await next);
        await running;
    }

    [Theory]
    // 2,000 runs × 33 areas × 30 nodes = 1,980,000 cells.
    [InlineData(2000, 33, 30, 1_980_000L)]
    // 7,000 runs × 33,755 areas × 45 nodes = 10,632,825,000 cells.
    [InlineData(7000, 33_755, 45, 10_632_825_000L)]
    [InlineData(0, 33, 30, 0L)]
    public void Cells_are_runs_times_areas_times_nodes(long runs, long areas, long nodes, long cells) =>
        Assert.Equal(cells, WorkBudget.Cells(runs, areas, nodes));

    [Fact]
    public void Cells_saturate_instead_of_overflowing() =>
        Assert.Equal(long.MaxValue, WorkBudget.Cells(long.MaxValue / 2, int.MaxValue, int.MaxValue));

    [Fact]
    public void A_request_above_the_budget_is_a_400_naming_the_field_with_the_most_runs_that_fit()
    {
        // 101 runs × 33 × 30 = 99,990 cells > 10,000; at most 10,000 / 990 = 10 runs fit.
        var e = Assert.Throws<ApiException>(() => WorkBudget.Check(101, 33, 30, 10_000, "uncertainty.runs", "WELLBEING_COMPUTE_BUDGET", "Submit a job."));
        Assert.Equal(400, e.Problem.Status);
        var message = Assert.Single(e.Problem.Errors!["uncertainty.runs"]);
        Assert.Contains("99,990 cells", message);
        Assert.Contains("at most 10 runs", message);
        Assert.Contains("WELLBEING_COMPUTE_BUDGET", message);
        // 10 runs × 990 = 9,900 cells: within the budget.
        WorkBudget.Check(10, 33, 30, 10_000, "uncertainty.runs", "WELLBEING_COMPUTE_BUDGET", "Submit a job.");
    }
}
