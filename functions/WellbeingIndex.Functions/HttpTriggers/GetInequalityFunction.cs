using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>Roll-ups and inequality within places of a small-area framework. Adapter over <see cref="GetInequality"/>.</summary>
public sealed class GetInequalityFunction(GetInequality operation)
{
    [Function(GetInequality.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)GetInequality.Access, GetInequality.Method, ApiOperations.HeadMethod, Route = GetInequality.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, context.CancellationToken);
    }
}
