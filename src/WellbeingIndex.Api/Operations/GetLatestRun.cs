using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/frameworks/{id}/runs/latest</c>: the run the latest pointer names (JSON, or CSV with <c>Accept: text/csv</c>).
/// 404 (<c>code</c> NoPublishedRun) only when storage answered that there is none; 503 when storage is unavailable.
/// </summary>
public sealed class GetLatestRun(WellbeingRuntime runtime, IResultStore store, PublishedRunResponses responses)
{
    public const string Name = "GetLatestRun";
    public const string Method = "get";
    public const string Route = "frameworks/{id}/runs/latest";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var framework = runtime.Framework(id);
        var run = await store.GetLatestRunAsync(framework.Id, cancellationToken)
            ?? throw (ApiProblem.NotFound($"Nothing has been published for '{framework.Id}' yet (no published run); POST /api/frameworks/{framework.Id}/publish or wait for the timer.")
                with { Code = "NoPublishedRun" }).ToException();
        return await responses.GetAsync(store, run, request, cancellationToken);
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string id, GetLatestRun operation, CancellationToken ct) =>
                operation.HandleAsync(request, id, ct))
            .WithName(Name).Produces<RunDocument>(StatusCodes.Status200OK, "application/json", "text/csv").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
