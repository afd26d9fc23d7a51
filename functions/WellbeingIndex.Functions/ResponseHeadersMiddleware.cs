using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Functions;

/// <summary>
/// The function app's share of the headers every answer carries (<see cref="ApiHeaders.Apply"/>), as the standalone
/// server's middleware adds them; set before the function runs so problem documents carry them too.
/// </summary>
public sealed class ResponseHeadersMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            ApiHeaders.Apply(http.Response);
        }

        return next(context);
    }
}
