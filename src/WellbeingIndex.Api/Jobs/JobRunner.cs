using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NodaTime;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Work;

namespace WellbeingIndex.Api.Jobs;

/// <summary>
/// Runs long analyses in the background of this process: <see cref="WorkLimits.JobConcurrency"/> at once on the
/// <see cref="WorkScheduler"/>'s threads, at most <see cref="WorkLimits.JobQueue"/> waiting (beyond that, submitting
/// answers 429 with Retry-After). Finished jobs are kept for <see cref="WorkLimits.JobRetention"/> (and at most
/// <see cref="WorkLimits.RetainedJobs"/> of them), then forgotten. Jobs live in this process's memory: a restart loses
/// them, and under the Functions host each instance has its own.
/// </summary>
public sealed class JobRunner : IDisposable
{
    private readonly WorkLimits _limits;
    private readonly WorkScheduler _scheduler;
    private readonly IClock _clock;
    private readonly ILogger<JobRunner> _logger;
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startGate = new();
    private Task[]? _workers;
    private int _admitted; // queued or running
    private long _averageTicks = 30 * Stopwatch.Frequency; // start from a guess of half a minute

    public JobRunner(WorkLimits limits, WorkScheduler scheduler, IClock clock, ILogger<JobRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _limits = limits;
        _scheduler = scheduler;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Jobs queued or running.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>Queues a job; its workers start with the first one.</summary>
    /// <param name="kind">What it computes ("sensitivity").</param>
    /// <param name="frameworkId">The framework it analyses.</param>
    /// <param name="total">Units of progress (runs).</param>
    /// <param name="work">The computation.</param>
    /// <exception cref="ApiException">429 with Retry-After when the queue is full.</exception>
    public Job Submit(string kind, string frameworkId, int total, JobWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Expire();
        if (Interlocked.Increment(ref _admitted) > _limits.JobConcurrency + _limits.JobQueue)
        {
            Interlocked.Decrement(ref _admitted);
            var retry = RetryAfterSeconds();
            throw new ApiProblem(StatusCodes.Status429TooManyRequests, "The job queue is full.",
                $"{_limits.JobQueue} job(s) are waiting behind {_limits.JobConcurrency} running; retry after {retry} s.",
                new Dictionary<string, string[]> { ["body"] = [$"cannot be queued now: the queue holds {_limits.JobQueue} jobs ({WorkLimits.JobQueueKey})."] })
            {
                RetryAfter = TimeSpan.FromSeconds(retry),
            }.ToException();
        }

        var job = new Job(Guid.NewGuid().ToString("N"), kind, frameworkId, total, _clock.GetCurrentInstant(), work, _stopping.Token);
        _jobs[job.Id] = job;
        StartWorkers();
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>The job with this id.</summary>
    /// <exception cref="ApiException">404 naming <c>jobId</c> when there is none (never was, or expired).</exception>
    public Job Get(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        Expire();
        return _jobs.TryGetValue(jobId, out var job)
            ? job
            : throw ApiProblem.NotFound(
                $"No job '{jobId}': it never existed, or it finished more than {_limits.JobRetention.TotalMinutes:0} minutes ago and was forgotten, or the server restarted.",
                "jobId").ToException();
    }

    /// <summary>
    /// Cancels a queued job at once, asks a running one to stop, and forgets a finished one (its result goes too).
    /// </summary>
    /// <returns>The job, and whether it was forgotten.</returns>
    /// <exception cref="ApiException">404 naming <c>jobId</c> when there is no such job.</exception>
    public (Job Job, bool Forgotten) Cancel(string jobId)
    {
        var job = Get(jobId);
        if (job.IsFinished)
        {
            return (job, _jobs.TryRemove(jobId, out _));
        }

        if (job.Cancel(_clock.GetCurrentInstant()))
        {
            Interlocked.Decrement(ref _admitted);
            Expire();
        }

        return (job, false);
    }

    /// <summary>When a finished job will be forgotten.</summary>
    public Instant? ExpiresAt(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.FinishedAt is { } finished ? finished + _limits.JobRetention : null;
    }

    /// <summary>Seconds until a slot is likely free: the queued and running jobs' expected time over the slots, 1 to 600.</summary>
    public int RetryAfterSeconds()
    {
        var seconds = (double)Volatile.Read(ref _averageTicks) / Stopwatch.Frequency * Math.Max(1, Admitted) / _limits.JobConcurrency;
        return (int)Math.Clamp(Math.Ceiling(seconds), 1, 600);
    }

    /// <summary>Stops: running jobs are cancelled, queued ones never start.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void StartWorkers()
    {
        lock (_startGate)
        {
            _workers ??= Enumerable.Range(0, _limits.JobConcurrency).Select(_ => Task.Run(WorkAsync)).ToArray();
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var job in _queue.Reader.ReadAllAsync())
        {
            if (!job.TryStart(_clock.GetCurrentInstant()))
            {
                continue; // cancelled while queued
            }

            await RunAsync(job);
            Interlocked.Decrement(ref _admitted);
            Expire();
        }
    }

    private async Task RunAsync(Job job)
    {
        var started = Stopwatch.GetTimestamp();
        var token = job.Cancellation.Token;
        try
        {
            var result = await _scheduler.RunAsync(() => job.Work(job.Progress, token), token);
            job.Finish(JobState.Succeeded, _clock.GetCurrentInstant(), result);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            job.Finish(JobState.Cancelled, _clock.GetCurrentInstant());
        }
        catch (Exception e)
        {
            var problem = ApiProblem.FromException(e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e);
            if (problem.Status >= 500)
            {
                _logger.LogError(e, "Job {JobId} ({Kind} of {Framework}) failed", job.Id, job.Kind, job.FrameworkId);
            }

            job.Finish(JobState.Failed, _clock.GetCurrentInstant(), error: problem);
        }

        var took = Stopwatch.GetTimestamp() - started;
        var average = Volatile.Read(ref _averageTicks);
        Interlocked.Exchange(ref _averageTicks, average + (took - average) / 4);
    }

    /// <summary>Forgets finished jobs past their retention, and the oldest beyond <see cref="WorkLimits.RetainedJobs"/>.</summary>
    private void Expire()
    {
        var now = _clock.GetCurrentInstant();
        var finished = _jobs.Values.Where(j => j.IsFinished).OrderBy(j => j.FinishedAt).ToList();
        for (var i = 0; i < finished.Count; i++)
        {
            if (i < finished.Count - _limits.RetainedJobs || ExpiresAt(finished[i]) <= now)
            {
                _jobs.TryRemove(finished[i].Id, out _);
            }
        }
    }
}
