using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Functions.Hosting;
using WellbeingIndex.Functions.Http;

namespace WellbeingIndex.Functions.Api;

/// <summary><c>GET /api/indicators</c>: every installed provider with its provenance, periods and the frameworks using it.</summary>
public static class IndicatorEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/indicators", async (WellbeingRuntime runtime, CancellationToken ct) =>
        {
            var providers = runtime.ProviderCatalog.Providers;
            var periods = await Task.WhenAll(providers.Select(p => p.GetAvailablePeriodsAsync(ct)));
            return ApiJson.Result(providers.Select((p, i) => new
            {
                p.Metadata,
                Periods = periods[i].Select(x => x.ToString()),
                UsedBy = runtime.Frameworks.All
                    .SelectMany(f => f.Definition.Indicators.Where(n => n.Provider == p.Metadata.Id).Select(n => new { Framework = f.Id, Indicator = n.Code })),
            }));
        }).WithName("ListIndicators");
}
