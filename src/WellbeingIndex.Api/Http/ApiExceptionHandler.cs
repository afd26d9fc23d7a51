using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WellbeingIndex.Api.Http;

/// <summary>
/// The standalone server's exception handler: every failure becomes a problem document through the problem-details
/// service (never a stack trace); 5xx failures are logged with the exception (temporary ones, with Retry-After, where they arise).
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = ApiProblem.FromException(exception);
        if (problem.Status >= 500 && problem.RetryAfter is null) // temporary faults (storage) are logged where they arise
        {
            logger.LogError(exception, "{Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        await problem.WriteAsync(httpContext);
        return true;
    }
}
