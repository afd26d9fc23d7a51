using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Operations;

/// <summary><c>GET /api/indicators</c>: every installed provider with its provenance, periods and the frameworks using it.</summary>
public sealed class ListIndicators(WellbeingRuntime runtime)
{
    public const string Name = "ListIndicators";
    public const string Method = "get";
    public const string Route = "indicators";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var providers = runtime.ProviderCatalog.Providers;
        var periods = await Task.WhenAll(providers.Select(p => p.GetAvailablePeriodsAsync(cancellationToken)));
        return ApiJson.Result<IReadOnlyList<IndicatorSummary>>(providers.Select((p, i) => new IndicatorSummary(
            p.Metadata,
            periods[i].Select(x => x.ToString()).ToList(),
            runtime.Frameworks.All
                .SelectMany(f => f.Definition.Indicators.Where(n => n.Provider == p.Metadata.Id).Select(n => new IndicatorUse(f.Id, n.Code)))
                .ToList())).ToList());
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (ListIndicators operation, CancellationToken ct) => operation.HandleAsync(ct))
            .WithName(Name).Produces<IReadOnlyList<IndicatorSummary>>().ProducesProblem(StatusCodes.Status500InternalServerError);
}
