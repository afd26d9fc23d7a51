using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>Cancels (or forgets) a job (function key required). Adapter over <see cref="CancelJob"/>.</summary>
public sealed class CancelJobFunction(CancelJob operation)
{
    [Function(CancelJob.Name)]
    public IResult Run(
        [HttpTrigger((AuthorizationLevel)CancelJob.Access, CancelJob.Method, Route = CancelJob.Route)] HttpRequest request, string jobId, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.Handle(request, jobId);
    }
}
