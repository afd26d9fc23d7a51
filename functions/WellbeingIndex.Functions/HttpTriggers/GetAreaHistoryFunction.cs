using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>One area's scores across published runs. Adapter over <see cref="GetAreaHistory"/>.</summary>
public sealed class GetAreaHistoryFunction(GetAreaHistory operation)
{
    [Function(GetAreaHistory.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)GetAreaHistory.Access, GetAreaHistory.Method, ApiOperations.HeadMethod, Route = GetAreaHistory.Route)] HttpRequest request, string id, string areaCode, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, areaCode, context.CancellationToken);
    }
}
