using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>A job's state and progress (function key required). Adapter over <see cref="GetJob"/>.</summary>
public sealed class GetJobFunction(GetJob operation)
{
    [Function(GetJob.Name)]
    public IResult Run(
        [HttpTrigger((AuthorizationLevel)GetJob.Access, GetJob.Method, ApiOperations.HeadMethod, Route = GetJob.Route)] HttpRequest request, string jobId, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.Handle(request, jobId);
    }
}
