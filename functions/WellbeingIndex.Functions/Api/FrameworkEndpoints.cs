using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Functions.Hosting;
using WellbeingIndex.Functions.Http;

namespace WellbeingIndex.Functions.Api;

/// <summary><c>GET /api/frameworks</c> and <c>GET /api/frameworks/{id}</c>: what can be computed, for which areas.</summary>
public static class FrameworkEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/frameworks", (WellbeingRuntime runtime) => ApiJson.Result(runtime.Frameworks.All.Select(f => new
        {
            f.Id,
            f.Definition.Name,
            f.Definition.Description,
            AreaCount = f.Areas.Count,
            IndicatorCount = f.Definition.Indicators.Length,
        }))).WithName("ListFrameworks");

        routes.MapGet("/api/frameworks/{id}", (string id, WellbeingRuntime runtime) =>
        {
            var framework = runtime.Framework(id);
            return ApiJson.Result(new
            {
                framework.Id,
                framework.Definition.Name,
                framework.Definition.Description,
                Definition = IndexDefinitionJson.ToJson(framework.Definition),
                framework.Areas,
            });
        }).WithName("GetFramework");
    }
}
