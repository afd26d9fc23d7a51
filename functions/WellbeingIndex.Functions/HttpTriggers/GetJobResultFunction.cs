using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>A finished job's result (function key required). Adapter over <see cref="GetJobResult"/>.</summary>
public sealed class GetJobResultFunction(GetJobResult operation)
{
    [Function(GetJobResult.Name)]
    public IResult Run(
        [HttpTrigger((AuthorizationLevel)GetJobResult.Access, GetJobResult.Method, ApiOperations.HeadMethod, Route = GetJobResult.Route)] HttpRequest request, string jobId, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.Handle(request, jobId);
    }
}
