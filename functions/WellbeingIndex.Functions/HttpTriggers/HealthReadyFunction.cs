using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>Readiness: storage reachable, data directory readable. Adapter over <see cref="HealthReady"/>.</summary>
public sealed class HealthReadyFunction(HealthReady operation)
{
    [Function(HealthReady.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)HealthReady.Access, HealthReady.Method, ApiOperations.HeadMethod, Route = HealthReady.Route)] HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, context.CancellationToken);
    }
}
