using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Server;

namespace WellbeingIndex.Functions.Tests.Hosting;

/// <summary>
/// The operations the standalone server really maps, read from its EndpointDataSource: (name, route, method, whether a
/// function key is required). The OpenAPI document's own endpoint is not an operation.
/// </summary>
internal static class EndpointTable
{
    public static IReadOnlyList<(string Name, string Route, string Method, bool KeyRequired)> Read(ApiFactory factory)
    {
        _ = factory.Server; // builds the host
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => "/" + e.RoutePattern.RawText!.TrimStart('/') != StandaloneServer.OpenApiPath)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                (e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "", "/" + e.RoutePattern.RawText!.TrimStart('/'), m,
                    e.Metadata.GetMetadata<FunctionKeyRequired>() is not null)))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.m, StringComparer.Ordinal)
            .ToList();
    }
}
