using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Jobs;
using WellbeingIndex.Api.Work;

namespace WellbeingIndex.Functions.Tests.Jobs;

/// <summary>The job runner without HTTP: states, bounded queue, cancellation, expiry (on a fake clock).</summary>
public sealed class JobRunnerTests : IDisposable
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 1, 9, 0);
    private readonly FakeClock _clock = new(Start);
    private readonly WorkScheduler _scheduler = new(1);
    private readonly JobRunner _runner;

    public JobRunnerTests() =>
        _runner = new JobRunner(new WorkLimits { JobConcurrency = 1, JobQueue = 1, JobRetention = Duration.FromMinutes(60), RetainedJobs = 2 },
            _scheduler, _clock, NullLogger<JobRunner>.Instance);

    public void Dispose()
    {
        _runner.Dispose();
        _scheduler.Dispose();
    }

    private static async Task<Job> FinishedAsync(Job job)
    {
        for (var i = 0; i < 1000 && !job.IsFinished; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(job.IsFinished, $"job still {job.State}");
        return job;
    }

    private static JobWork Blocked(TaskCompletionSource started, CancellationToken release = default) => async (progress, token) =>
    {
        progress.Report(1);
        started.TrySetResult();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(token, release);
        try
        {
            await Task.Delay(Timeout.Infinite, both.Token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
        }

        return "released";
    };

    [Fact]
    public async Task A_job_runs_reports_progress_and_keeps_its_result_with_instants_from_the_clock()
    {
        var job = _runner.Submit("test", "london", 3, (progress, _) =>
        {
            progress.Report(2);
            return Task.FromResult<object>(Thread.CurrentThread.Name!);
        });
        Assert.Equal(Start, job.CreatedAt);
        await FinishedAsync(job);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.StartsWith("wellbeing-work-", (string)job.Result!); // computed on the work threads
        Assert.Equal(3, job.Completed);
        Assert.Equal(Start + Duration.FromMinutes(60), _runner.ExpiresAt(job));
        Assert.Same(job, _runner.Get(job.Id));
        Assert.Matches("^[0-9a-f]{32}$", job.Id);
    }

    [Fact]
    public async Task A_failing_job_keeps_the_problem_it_raised()
    {
        var job = _runner.Submit("test", "london", 1, (_, _) => throw ApiProblem.Field("runs", "too many.").ToException());
        await FinishedAsync(job);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(400, job.Error!.Status);
        Assert.Equal(["runs"], job.Error.Errors!.Keys);
    }

    [Fact]
    public async Task Beyond_the_running_job_and_the_queue_submitting_is_refused_with_429_and_retry_after()
    {
        var started = new TaskCompletionSource();
        using var release = new CancellationTokenSource();
        var running = _runner.Submit("test", "london", 1, Blocked(started, release.Token));
        await started.Task;
        var queued = _runner.Submit("test", "london", 1, (_, _) => Task.FromResult<object>("second"));
        var refused = Assert.Throws<ApiException>(() => _runner.Submit("test", "london", 1, (_, _) => Task.FromResult<object>("third")));
        Assert.Equal(429, refused.Problem.Status);
        Assert.InRange(refused.Problem.RetryAfter!.Value.TotalSeconds, 1, 600);
        Assert.Equal(JobState.Running, running.State);
        Assert.Equal(JobState.Queued, queued.State);

        await release.CancelAsync();
        await FinishedAsync(running);
        await FinishedAsync(queued);
        Assert.Equal("second", queued.Result);
        Assert.Equal(0, _runner.Admitted);
    }

    [Fact]
    public async Task Cancelling_a_queued_job_is_immediate_and_a_running_job_stops_through_its_token()
    {
        var started = new TaskCompletionSource();
        var running = _runner.Submit("test", "london", 5, Blocked(started));
        await started.Task;
        var queued = _runner.Submit("test", "london", 1, (_, _) => Task.FromResult<object>("never"));

        var (cancelledQueued, forgotten) = _runner.Cancel(queued.Id);
        Assert.False(forgotten);
        Assert.Equal(JobState.Cancelled, cancelledQueued.State);
        Assert.Null(cancelledQueued.StartedAt);

        _runner.Cancel(running.Id);
        Assert.True(running.CancelRequested);
        await FinishedAsync(running);
        Assert.Equal(JobState.Cancelled, running.State);
        Assert.Equal(1, running.Completed); // progress as far as it got

        // A finished job is forgotten by a second DELETE.
        Assert.True(_runner.Cancel(running.Id).Forgotten);
        Assert.Equal(404, Assert.Throws<ApiException>(() => _runner.Get(running.Id)).Problem.Status);
    }

    [Fact]
    public async Task A_finished_job_is_forgotten_after_its_retention_and_unknown_ids_are_404_naming_jobId()
    {
        var job = await FinishedAsync(_runner.Submit("test", "london", 1, (_, _) => Task.FromResult<object>("done")));
        _clock.Advance(Duration.FromMinutes(59));
        Assert.Same(job, _runner.Get(job.Id));
        _clock.Advance(Duration.FromMinutes(1)); // finished at 09:00, kept 60 minutes: gone at 10:00
        var gone = Assert.Throws<ApiException>(() => _runner.Get(job.Id));
        Assert.Equal(404, gone.Problem.Status);
        Assert.Equal(["jobId"], gone.Problem.Errors!.Keys);
    }

    [Fact]
    public async Task At_most_the_retained_number_of_finished_jobs_are_kept_oldest_dropped_first()
    {
        var jobs = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await FinishedAsync(_runner.Submit("test", "london", 1, (_, _) => Task.FromResult<object>(i))));
            _clock.Advance(Duration.FromSeconds(1));
        }

        // RetainedJobs = 2: the first is dropped.
        Assert.Throws<ApiException>(() => _runner.Get(jobs[0].Id));
        Assert.Same(jobs[1], _runner.Get(jobs[1].Id));
        Assert.Same(jobs[2], _runner.Get(jobs[2].Id));
    }
}
