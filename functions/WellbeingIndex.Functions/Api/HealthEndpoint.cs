using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Functions.Hosting;
using WellbeingIndex.Functions.Http;
using WellbeingIndex.Functions.Storage;
using WellbeingIndex.Functions.Timer;

namespace WellbeingIndex.Functions.Api;

/// <summary><c>GET /api/health</c>: answers without touching data, so it tells "the process is up" apart from "the data is wrong".</summary>
public static class HealthEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/health", (FunctionSettings settings, IResultStore store, ScheduledPublisher timer) => ApiJson.Result(new
        {
            Status = "ok",
            Version = typeof(HealthEndpoint).Assembly.GetName().Version?.ToString(),
            Host = settings.UnderFunctionsHost ? "azure-functions" : "standalone",
            Store = store is TableResultStore ? "tables" : "memory",
            PublishedFrameworks = settings.Frameworks,
            NextScheduledPublish = timer.NextPublish?.InZone(PublishSchedule.London),
        })).WithName("Health");
}
