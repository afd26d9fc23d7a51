using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Functions;

/// <summary>
/// The function app's problem handler: an HTTP function's failure becomes an RFC 9457 document written by ASP.NET
/// Core's problem-details service (as in the standalone server); 5xx failures are logged (temporary ones, with
/// Retry-After, where they arise). Timer failures propagate so the host records the invocation as failed.
/// </summary>
public sealed class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            var problem = ApiProblem.FromException(e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e);
            if (problem.Status >= 500 && problem.RetryAfter is null) // temporary faults (storage) are logged where they arise
            {
                logger.LogError(e, "{Function} failed", context.FunctionDefinition.Name);
            }

            await problem.WriteAsync(http);
        }
    }
}
