using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>The latest published series. Adapter over <see cref="GetSeries"/>.</summary>
public sealed class GetSeriesFunction(GetSeries operation)
{
    [Function(GetSeries.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)GetSeries.Access, GetSeries.Method, ApiOperations.HeadMethod, Route = GetSeries.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, context.CancellationToken);
    }
}
