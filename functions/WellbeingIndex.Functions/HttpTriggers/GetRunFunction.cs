using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>A published run by id. Adapter over <see cref="GetRun"/>.</summary>
public sealed class GetRunFunction(GetRun operation)
{
    [Function(GetRun.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)GetRun.Access, GetRun.Method, ApiOperations.HeadMethod, Route = GetRun.Route)] HttpRequest request, string id, string runId, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, runId, context.CancellationToken);
    }
}
