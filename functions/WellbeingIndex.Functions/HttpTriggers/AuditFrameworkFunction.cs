using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WellbeingIndex.Api.Operations;

namespace WellbeingIndex.Functions.HttpTriggers;

/// <summary>Audit of a framework (statistics, correlations, Cronbach, PCA, effective weights). Adapter over <see cref="AuditFramework"/>.</summary>
public sealed class AuditFrameworkFunction(AuditFramework operation)
{
    [Function(AuditFramework.Name)]
    public Task<IResult> Run(
        [HttpTrigger((AuthorizationLevel)AuditFramework.Access, AuditFramework.Method, Route = AuditFramework.Route)] HttpRequest request, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operation.HandleAsync(request, id, context.CancellationToken);
    }
}
