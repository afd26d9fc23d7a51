using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>A framework's definition and areas. Adapter over <see cref="GetFramework"/>.</summary>
public sealed class GetFrameworkFunction(GetFramework operation)
{
    [Function(GetFramework.Name)]
    public IResult Run(
        [HttpTrigger((AuthorizationLevel)GetFramework.Access, GetFramework.Method, ApiOperations.HeadMethod, Route = GetFramework.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.Handle(id);
    }
}
