using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>The frameworks that can be computed. Adapter over <see cref="ListFrameworks"/>.</summary>
public sealed class ListFrameworksFunction(ListFrameworks operation)
{
    [Function(ListFrameworks.Name)]
    public IResult Run(
        [HttpTrigger((AuthorizationLevel)ListFrameworks.Access, ListFrameworks.Method, ApiOperations.HeadMethod, Route = ListFrameworks.Route)] HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.Handle();
    }
}
