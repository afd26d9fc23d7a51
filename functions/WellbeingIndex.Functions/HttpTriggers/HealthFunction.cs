using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>Liveness and configuration, without I/O. Adapter over <see cref="Health"/>.</summary>
public sealed class HealthFunction(Health operation)
{
    [Function(Health.Name)]
    public IResult Run(
        [HttpTrigger((AuthorizationLevel)Health.Access, Health.Method, ApiOperations.HeadMethod, Route = Health.Route)] HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.Handle();
    }
}
