using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Jobs;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/jobs/{jobId}/result</c>: the result of a job that succeeded (a sensitivity job's
/// <see cref="SensitivityDocument"/>); 409 naming <c>jobId</c> while it is queued or running (with Retry-After), or
/// when it failed or was cancelled. Needs the function key that started jobs.
/// </summary>
public sealed class GetJobResult(JobRunner jobs)
{
    public const string Name = "GetJobResult";
    public const string Method = "get";
    public const string Route = "jobs/{jobId}/result";
    public const OperationAccess Access = OperationAccess.Function;

    public IResult Handle(HttpRequest request, string jobId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = jobs.Get(jobId);
        if (job.State == JobState.Succeeded)
        {
            return ApiJson.Result(job.Result);
        }

        var detail = job.State switch
        {
            JobState.Queued or JobState.Running => $"Job '{jobId}' is {job.State.ToString().ToLowerInvariant()} ({job.Completed} of {job.Total} runs done); poll {JobStatus.LocationOf(jobId)} until it has succeeded.",
            JobState.Failed => $"Job '{jobId}' failed, so it has no result: {job.Error?.Detail}",
            _ => $"Job '{jobId}' was cancelled, so it has no result.",
        };
        throw new ApiProblem(StatusCodes.Status409Conflict, "The job has no result.", detail,
            new Dictionary<string, string[]> { ["jobId"] = [$"is {job.State.ToString().ToLowerInvariant()}."] })
        {
            RetryAfter = job.IsFinished ? null : TimeSpan.FromSeconds(GetJob.PollSeconds),
        }.ToException();
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string jobId, GetJobResult operation,
                [FromHeader(Name = ApiOperations.KeyHeader)] string? functionKey) => operation.Handle(request, jobId))
            .WithName(Name).WithAccess(Access, "running jobs")
            .Produces<SensitivityDocument>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
