using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>
/// Queues a sensitivity analysis as a job (function key required). Adapter over <see cref="StartSensitivityJob"/>. The
/// job runs in this worker process, after the invocation has answered 202: jobs live in one instance (see README).
/// </summary>
public sealed class StartSensitivityJobFunction(StartSensitivityJob operation)
{
    [Function(StartSensitivityJob.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)StartSensitivityJob.Access, StartSensitivityJob.Method, Route = StartSensitivityJob.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, context.CancellationToken);
    }
}
