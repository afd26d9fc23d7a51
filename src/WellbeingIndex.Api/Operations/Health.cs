using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/health</c>: liveness. Answers without I/O (no storage, no data), so it tells "the process is up" apart
/// from "the data or storage is wrong", which <see cref="HealthReady"/> checks.
/// </summary>
public sealed class Health(ApiSettings settings, IResultStore store, IServiceProvider services)
{
    public const string Name = "Health";
    public const string Method = "get";
    public const string Route = "health";
    public const OperationAccess Access = OperationAccess.Anonymous;

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public IResult Handle() => ApiJson.Result(new HealthStatus(
        "ok",
        typeof(Health).Assembly.GetName().Version?.ToString(),
        settings.UnderFunctionsHost ? "azure-functions" : "standalone",
        store is TableResultStore ? "tables" : "memory",
        settings.Frameworks,
        services.GetService<PublishTimer>()?.NextPublish() is { } next ? next.InZone(London) : null));

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (Health operation) => operation.Handle())
            .WithName(Name).Produces<HealthStatus>();
}
