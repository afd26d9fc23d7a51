using System.Globalization;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace WellbeingIndex.Api.Work;

/// <summary>
/// How much work the API accepts, read once from configuration (environment variables or app settings, as
/// <see cref="ApiSettings"/>). Work is counted in cells: runs × areas × nodes, one cell being one node's score for one
/// area in one run of the recipe.
/// </summary>
public sealed record WorkLimits
{
    public const string ComputeBudgetKey = "WELLBEING_COMPUTE_BUDGET";
    public const string HeavyConcurrencyKey = "WELLBEING_HEAVY_CONCURRENCY";
    public const string HeavyQueueKey = "WELLBEING_HEAVY_QUEUE";
    public const string WorkerThreadsKey = "WELLBEING_WORKER_THREADS";
    public const string JobBudgetKey = "WELLBEING_JOB_BUDGET";
    public const string JobConcurrencyKey = "WELLBEING_JOB_CONCURRENCY";
    public const string JobQueueKey = "WELLBEING_JOB_QUEUE";
    public const string JobRetentionKey = "WELLBEING_JOB_RETENTION_MINUTES";

    /// <summary>
    /// The most cells one compute or audit request may cost: 5 million, under a second of CPU (London's 2,000-run
    /// uncertainty, 2,001 × 33 × 30 ≈ 2 million cells, took about 0.3 s of CPU). A plain computation of the 33,755
    /// LSOAs costs about 0.5 million, so their series fit ten periods and their uncertainty nine runs: more is a job.
    /// </summary>
    public long ComputeBudget { get; init; } = 5_000_000;

    /// <summary>
    /// Requests cheaper than this and without uncertainty runs run at once on the request's thread: a what-if for the
    /// 33 boroughs costs 990 cells and about a millisecond, and queueing it would cost more than it saves.
    /// </summary>
    public long LightWork { get; init; } = 100_000;

    /// <summary>Heavy requests computing at once (the rest wait in <see cref="HeavyQueue"/>); half the cores, at least one.</summary>
    public int HeavyConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Heavy requests that may wait for a slot; beyond it the answer is 429 with Retry-After.</summary>
    public int HeavyQueue { get; init; } = 4;

    /// <summary>
    /// Dedicated threads heavy requests and jobs are called on, apart from the thread pool that serves requests, so an
    /// analysis blocking for seconds holds none of the pool's threads.
    /// </summary>
    public int WorkerThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>The most cells one job may cost: ten billion, 7,000 runs of a 33,000 × 40 index (issue 11's Sobol target: 30 s on 2 cores).</summary>
    public long JobBudget { get; init; } = 10_000_000_000;

    /// <summary>
    /// The most ranks one job may keep (kept runs × areas, 2 bytes each: 200 MB): the engine keeps every run's ranks
    /// (for Sobol, of the A and B runs) to give each area its interval. 1,000 runs of the 33,755 LSOAs keep 34 million.
    /// </summary>
    public long JobRanks { get; init; } = 100_000_000;

    /// <summary>Jobs running at once.</summary>
    public int JobConcurrency { get; init; } = 1;

    /// <summary>Jobs that may wait; beyond it submitting answers 429 with Retry-After.</summary>
    public int JobQueue { get; init; } = 8;

    /// <summary>How long a finished job (and its result) is kept after it finishes.</summary>
    public Duration JobRetention { get; init; } = Duration.FromHours(1);

    /// <summary>Finished jobs kept at most; the oldest are dropped first.</summary>
    public int RetainedJobs { get; init; } = 64;

    /// <summary>Reads the limits; a malformed value throws naming the variable, so a bad deployment fails at start.</summary>
    public static WorkLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new WorkLimits();
        long Read(string key, long fallback, long least = 1)
        {
            var text = configuration[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= least
                ? n
                : throw new InvalidOperationException($"{key} must be a whole number of at least {least}, got '{text}'.");
        }

        int ReadInt(string key, int fallback, int least = 1) => (int)Math.Min(Read(key, fallback, least), int.MaxValue);
        return defaults with
        {
            ComputeBudget = Read(ComputeBudgetKey, defaults.ComputeBudget),
            HeavyConcurrency = ReadInt(HeavyConcurrencyKey, defaults.HeavyConcurrency),
            HeavyQueue = ReadInt(HeavyQueueKey, defaults.HeavyQueue, 0),
            WorkerThreads = ReadInt(WorkerThreadsKey, defaults.WorkerThreads),
            JobBudget = Read(JobBudgetKey, defaults.JobBudget),
            JobConcurrency = ReadInt(JobConcurrencyKey, defaults.JobConcurrency),
            JobQueue = ReadInt(JobQueueKey, defaults.JobQueue, 0),
            JobRetention = Duration.FromMinutes(Read(JobRetentionKey, (long)defaults.JobRetention.TotalMinutes)),
        };
    }
}
