using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Jobs;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/jobs/{jobId}</c>: a job's state and progress; while it is queued or running, <c>Retry-After</c> says
/// when to ask again. Needs the function key that started jobs.
/// </summary>
public sealed class GetJob(JobRunner jobs)
{
    public const string Name = "GetJob";
    public const string Method = "get";
    public const string Route = "jobs/{jobId}";
    public const OperationAccess Access = OperationAccess.Function;

    /// <summary>Seconds a client should wait between polls of a job that is not finished.</summary>
    public const int PollSeconds = 1;

    public IResult Handle(HttpRequest request, string jobId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = jobs.Get(jobId);
        return Answer(job, jobs, StatusCodes.Status200OK);
    }

    /// <summary>The status document of <paramref name="job"/>, with Retry-After while it is not finished.</summary>
    internal static IResult Answer(Job job, JobRunner jobs, int status)
    {
        var result = ApiJson.Result(JobStatus.Of(job, jobs.ExpiresAt(job)), status);
        return job.IsFinished
            ? result
            : new HeaderResult(result, new Dictionary<string, string> { [HeaderNames.RetryAfter] = PollSeconds.ToString(CultureInfo.InvariantCulture) });
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string jobId, GetJob operation,
                [FromHeader(Name = ApiOperations.KeyHeader)] string? functionKey) => operation.Handle(request, jobId))
            .WithName(Name).WithAccess(Access, "running jobs")
            .Produces<JobStatus>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}
