using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Hosting;

/// <summary>The endpoints the app really maps, read from its EndpointDataSource: (name, route, method).</summary>
internal static class EndpointTable
{
    public static IReadOnlyList<(string Name, string Route, string Method)> Read(ApiFactory factory)
    {
        _ = factory.Server; // builds the host
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                (e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "", "/" + e.RoutePattern.RawText!.TrimStart('/'), m)))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.m, StringComparer.Ordinal)
            .ToList();
    }
}
