using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>Every installed indicator provider. Adapter over <see cref="ListIndicators"/>.</summary>
public sealed class ListIndicatorsFunction(ListIndicators operation)
{
    [Function(ListIndicators.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)ListIndicators.Access, ListIndicators.Method, ApiOperations.HeadMethod, Route = ListIndicators.Route)] HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(context.CancellationToken);
    }
}
