using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>The latest published run. Adapter over <see cref="GetLatestRun"/>.</summary>
public sealed class GetLatestRunFunction(GetLatestRun operation)
{
    [Function(GetLatestRun.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)GetLatestRun.Access, GetLatestRun.Method, ApiOperations.HeadMethod, Route = GetLatestRun.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, context.CancellationToken);
    }
}
