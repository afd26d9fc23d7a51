using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Operations;

/// <summary><c>GET /api/frameworks</c>: what can be computed.</summary>
public sealed class ListFrameworks(WellbeingRuntime runtime)
{
    public const string Name = "ListFrameworks";
    public const string Method = "get";
    public const string Route = "frameworks";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public IResult Handle() => ApiJson.Result<IReadOnlyList<FrameworkSummary>>(runtime.Frameworks.All
        .Select(f => new FrameworkSummary(f.Id, f.Definition.Name, f.Definition.Description, f.Areas.Count, f.Definition.Indicators.Length))
        .ToList());

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (ListFrameworks operation) => operation.Handle())
            .WithName(Name).Produces<IReadOnlyList<FrameworkSummary>>().ProducesProblem(StatusCodes.Status500InternalServerError);
}
