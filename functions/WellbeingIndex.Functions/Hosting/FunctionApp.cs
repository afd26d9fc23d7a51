using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WellbeingIndex.Functions.Api;
using WellbeingIndex.Functions.Http;
using WellbeingIndex.Functions.Storage;
using WellbeingIndex.Functions.Timer;

namespace WellbeingIndex.Functions.Hosting;

/// <summary>How the handler is put together: services, listening address, middleware and the endpoints.</summary>
public static class FunctionApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var url = ListenAddress.Choose(builder.Configuration[FunctionSettings.HostPortKey],
            builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"]);
        if (url is not null)
        {
            builder.WebHost.UseUrls(url);
        }

        var services = builder.Services;
        services.AddSingleton(sp => FunctionSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<WellbeingRuntime>();
        services.AddSingleton<IResultStore>(sp =>
        {
            var settings = sp.GetRequiredService<FunctionSettings>();
            var clock = sp.GetRequiredService<IClock>();
            return settings.TablesConnectionString is { } connection
                ? new TableResultStore(connection, settings.TablePrefix, clock)
                : new InMemoryResultStore(clock);
        });
        services.AddSingleton<IndexPublisher>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        services.AddOptions<KestrelServerOptions>()
            .Configure<IServiceProvider>((kestrel, sp) => kestrel.Limits.MaxRequestBodySize = sp.GetRequiredService<FunctionSettings>().MaxBodyBytes);

        var app = builder.Build();
        app.UseMiddleware<ProblemMiddleware>();
        DashboardFiles.Use(app);
        MapEndpoints(app);
        return app;
    }

    public static void MapEndpoints(IEndpointRouteBuilder routes)
    {
        HealthEndpoint.Map(routes);
        OpenApiEndpoint.Map(routes);
        FrameworkEndpoints.Map(routes);
        IndicatorEndpoints.Map(routes);
        ComputeEndpoint.Map(routes);
        RunEndpoints.Map(routes);
        PublishEndpoints.Map(routes);
    }
}
