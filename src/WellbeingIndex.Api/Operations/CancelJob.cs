using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Jobs;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>DELETE /api/jobs/{jobId}</c>: cancels a queued job at once (200, state cancelled), asks a running one to stop
/// (202, cancelRequested; it turns cancelled at the engine's next check), and forgets a finished one with its result
/// (204). Needs the function key that started jobs.
/// </summary>
public sealed class CancelJob(JobRunner jobs)
{
    public const string Name = "CancelJob";
    public const string Method = "delete";
    public const string Route = "jobs/{jobId}";
    public const OperationAccess Access = OperationAccess.Function;

    public IResult Handle(HttpRequest request, string jobId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (job, forgotten) = jobs.Cancel(jobId);
        if (forgotten)
        {
            return Results.NoContent();
        }

        return GetJob.Answer(job, jobs, job.IsFinished ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapDelete(ApiOperations.Pattern(Route), (HttpRequest request, string jobId, CancelJob operation,
                [FromHeader(Name = ApiOperations.KeyHeader)] string? functionKey) => operation.Handle(request, jobId))
            .WithName(Name).WithAccess(Access, "running jobs")
            .Produces<JobStatus>().Produces<JobStatus>(StatusCodes.Status202Accepted).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}
