using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>What-if computation; never writes to storage. Adapter over <see cref="ComputeIndex"/>.</summary>
public sealed class ComputeIndexFunction(ComputeIndex operation)
{
    [Function(ComputeIndex.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)ComputeIndex.Access, ComputeIndex.Method, Route = ComputeIndex.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, context.CancellationToken);
    }
}
