using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>Publishes a framework now (function key required). Adapter over <see cref="PublishFramework"/>.</summary>
public sealed class PublishFrameworkFunction(PublishFramework operation)
{
    [Function(PublishFramework.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)PublishFramework.Access, PublishFramework.Method, Route = PublishFramework.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, context.CancellationToken);
    }
}
