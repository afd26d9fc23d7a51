using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>POST /api/frameworks/{id}/publish</c>: recomputes the framework at its latest period and publishes it, then its series. In the
/// function app the trigger's authorization level is <c>Function</c>, so the host has checked the function key;
/// standalone there is no host, so <c>x-functions-key</c> must equal WELLBEING_PUBLISH_KEY.
/// </summary>
public sealed class PublishFramework(WellbeingRuntime runtime, IndexPublisher publisher)
{
    public const string Name = "PublishFramework";
    public const string Method = "post";
    public const string Route = "frameworks/{id}/publish";
    public const OperationAccess Access = OperationAccess.Function;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var framework = runtime.Framework(id);
        var run = await publisher.PublishAsync(framework, null, cancellationToken);
        await publisher.PublishSeriesAsync(framework, cancellationToken);
        return ApiJson.Result(PublishSummary.From(run), StatusCodes.Status201Created);
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost(ApiOperations.Pattern(Route), (HttpRequest request, string id, PublishFramework operation,
                [FromHeader(Name = ApiOperations.KeyHeader)] string? functionKey, CancellationToken ct) => operation.HandleAsync(request, id, ct))
            .WithName(Name).WithAccess(Access, "publishing")
            .Produces<PublishSummary>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
