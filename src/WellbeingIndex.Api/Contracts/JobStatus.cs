using NodaTime;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Jobs;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// <c>GET /api/jobs/{jobId}</c>: a job's state and progress. Poll <see cref="Location"/> (the answer's
/// <c>Retry-After</c> says how soon) until the state is final; then <see cref="ResultLocation"/> serves the result of a
/// job that succeeded and <see cref="Error"/> says why one failed.
/// </summary>
/// <param name="Id">The job's id.</param>
/// <param name="Kind">What it computes ("sensitivity").</param>
/// <param name="FrameworkId">The framework analysed.</param>
/// <param name="State">queued, running, succeeded, failed or cancelled.</param>
/// <param name="Progress">Runs done of the total.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="StartedAt">When it started running.</param>
/// <param name="FinishedAt">When it reached its final state.</param>
/// <param name="ExpiresAt">When a finished job and its result will be forgotten.</param>
/// <param name="CancelRequested">True once cancelling a running job was asked for.</param>
/// <param name="Location">This status resource.</param>
/// <param name="ResultLocation">The result, once the job succeeded.</param>
/// <param name="Error">Why the job failed, as a problem document would say it.</param>
public sealed record JobStatus(string Id, string Kind, string FrameworkId, JobState State, JobProgress Progress, Instant CreatedAt,
    Instant? StartedAt, Instant? FinishedAt, Instant? ExpiresAt, bool CancelRequested, string Location, string? ResultLocation, JobError? Error)
{
    /// <summary>The status of <paramref name="job"/>.</summary>
    public static JobStatus Of(Job job, Instant? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(job);
        var location = LocationOf(job.Id);
        return new JobStatus(job.Id, job.Kind, job.FrameworkId, job.State, new JobProgress(job.Completed, job.Total), job.CreatedAt,
            job.StartedAt, job.FinishedAt, expiresAt, job.CancelRequested, location,
            job.State == JobState.Succeeded ? $"{location}/result" : null,
            job.Error is { } e ? new JobError(e.Status, e.Title, e.Detail, e.Errors) : null);
    }

    /// <summary>The status resource of a job: <c>/api/jobs/{jobId}</c>.</summary>
    public static string LocationOf(string jobId) => $"/{Operations.ApiOperations.RoutePrefix}/jobs/{jobId}";
}

/// <summary>Units of work done of the total (runs of the recipe).</summary>
public sealed record JobProgress(int Completed, int Total);

/// <summary>Why a job failed: the fields of the problem document a request doing the same work would have answered.</summary>
public sealed record JobError(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors);
