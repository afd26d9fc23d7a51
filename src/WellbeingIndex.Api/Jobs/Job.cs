using NodaTime;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Jobs;

/// <summary>
/// One long analysis run in the background by the <see cref="JobRunner"/>: what it is, its state and progress, and,
/// once finished, its result or the problem that stopped it. State changes are atomic (a job cancelled while queued
/// never starts).
/// </summary>
public sealed class Job
{
    private readonly Lock _gate = new();
    private int _completed;

    internal Job(string id, string kind, string frameworkId, int total, Instant createdAt, JobWork work, CancellationToken stopping)
    {
        Id = id;
        Kind = kind;
        FrameworkId = frameworkId;
        Total = total;
        CreatedAt = createdAt;
        Work = work;
        Cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>The job's id: 32 hex digits, random (122 bits), so one client cannot guess another's job.</summary>
    public string Id { get; }

    /// <summary>What the job computes ("sensitivity").</summary>
    public string Kind { get; }

    public string FrameworkId { get; }

    /// <summary>Units of work the job reports progress in (runs of the recipe).</summary>
    public int Total { get; }

    /// <summary>Units done so far.</summary>
    public int Completed => Volatile.Read(ref _completed);

    public Instant CreatedAt { get; }

    public JobState State { get; private set; } = JobState.Queued;

    public Instant? StartedAt { get; private set; }

    public Instant? FinishedAt { get; private set; }

    /// <summary>True once a client asked to cancel a running job (it stops at its next check).</summary>
    public bool CancelRequested { get; private set; }

    /// <summary>The result of a job that succeeded.</summary>
    public object? Result { get; private set; }

    /// <summary>Why a job failed.</summary>
    public ApiProblem? Error { get; private set; }

    /// <summary>True in the three final states.</summary>
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    internal JobWork Work { get; }

    internal CancellationTokenSource Cancellation { get; }

    internal IProgress<int> Progress => new ProgressSink(this);

    internal bool TryStart(Instant now)
    {
        lock (_gate)
        {
            if (State != JobState.Queued)
            {
                return false;
            }

            State = JobState.Running;
            StartedAt = now;
            return true;
        }
    }

    /// <summary>Cancels a queued job at once (true), or asks a running one to stop (false); finished jobs are left as they are.</summary>
    internal bool Cancel(Instant now)
    {
        lock (_gate)
        {
            if (State == JobState.Queued)
            {
                State = JobState.Cancelled;
                FinishedAt = now;
                return true;
            }

            if (State == JobState.Running)
            {
                CancelRequested = true;
                Cancellation.Cancel();
            }

            return false;
        }
    }

    internal void Finish(JobState state, Instant now, object? result = null, ApiProblem? error = null)
    {
        lock (_gate)
        {
            State = state;
            FinishedAt = now;
            Result = result;
            Error = error;
            if (state == JobState.Succeeded)
            {
                Volatile.Write(ref _completed, Total);
            }
        }

        Cancellation.Dispose();
    }

    private sealed class ProgressSink(Job job) : IProgress<int>
    {
        // Called from the engine's worker threads: a plain store, no posting to a synchronisation context.
        public void Report(int value) => Volatile.Write(ref job._completed, Math.Min(value, job.Total));
    }
}
