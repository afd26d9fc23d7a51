using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/frameworks/{id}/runs/{runId}</c>: a published run by id (JSON, or CSV with <c>Accept: text/csv</c>),
/// immutable: strong ETag, <c>Cache-Control: immutable</c>, 304 for a matching <c>If-None-Match</c>.
/// </summary>
public sealed class GetRun(WellbeingRuntime runtime, IResultStore store, PublishedRunResponses responses)
{
    public const string Name = "GetRun";
    public const string Method = "get";
    public const string Route = "frameworks/{id}/runs/{runId}";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runId);
        var framework = runtime.Framework(id);
        // Run ids are "<period>-<16 hex digits>"; anything else never reaches the store (a '/' or '#' in a row key is
        // a storage error, not "not found").
        if (runId.Length > 64 || !runId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw ApiProblem.NotFound($"'{runId}' is not a run id (period and hash, such as 2023-17484d4417241c38).", "runId").ToException();
        }

        var run = await store.GetRunAsync(framework.Id, runId, cancellationToken)
            ?? throw ApiProblem.NotFound($"No published run '{runId}' of '{framework.Id}'.", "runId").ToException();
        // A run never changes under its id: one strong ETag per representation, cached for good.
        if (ApiHeaders.CacheImmutable(request.HttpContext, Csv.IsWanted(request) ? $"{run.RunId}-csv" : run.RunId))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return await responses.GetAsync(store, run, request, cancellationToken);
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string id, string runId, GetRun operation, CancellationToken ct) =>
                operation.HandleAsync(request, id, runId, ct))
            .WithName(Name).Produces<RunDocument>(StatusCodes.Status200OK, "application/json", "text/csv").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
