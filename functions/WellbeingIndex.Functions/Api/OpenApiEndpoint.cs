using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Functions.Http;

namespace WellbeingIndex.Functions.Api;

/// <summary><c>GET /api/openapi.json</c>: the hand-written OpenAPI 3 description, embedded in the assembly.</summary>
public static class OpenApiEndpoint
{
    public const string ResourceName = "WellbeingIndex.Functions.openapi.json";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Document.Value;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/openapi.json", () => new TextResult(Json, StatusCodes.Status200OK, ApiJson.ContentType)).WithName("OpenApi");
}
