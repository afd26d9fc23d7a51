using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using WellbeingIndex.Api;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Indicators;

namespace WellbeingIndex.Server;

/// <summary>
/// The API without the Functions host: the same operations mapped as minimal-API endpoints on Kestrel, the generated
/// OpenAPI document at <c>/api/openapi.json</c>, the publish timer in-process, and the reference dashboard at <c>/</c>.
/// Every response carries <c>X-Content-Type-Options: nosniff</c>; JSON and CSV are compressed (Brotli, gzip) when the
/// client accepts it; HEAD is answered on every GET route.
/// </summary>
public static class StandaloneServer
{
    public const string OpenApiPath = "/api/openapi.json";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var url = ListenAddress.Choose(builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"]);
        if (url is not null)
        {
            builder.WebHost.UseUrls(url);
        }

        var services = builder.Services;
        services.AddWellbeingApi(BuiltInIndicators.Assembly, underFunctionsHost: false);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(ApiOpenApi.Configure);
        services.AddSingleton<ScheduledPublisher>();
        services.AddSingleton(sp => new PublishTimer(() => sp.GetRequiredService<ScheduledPublisher>().NextPublish));
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        services.AddOptions<KestrelServerOptions>()
            .Configure<IServiceProvider>((kestrel, sp) => kestrel.Limits.MaxRequestBodySize = sp.GetRequiredService<ApiSettings>().MaxBodyBytes);

        services.AddResponseCompression(options =>
        {
            // Responses reflect no secret, so compressing over HTTPS reveals nothing (BREACH needs one).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/csv", "application/problem+json"];
        });

        var app = builder.Build();
        app.UseResponseCompression();
        app.Use((context, next) =>
        {
            ApiHeaders.Apply(context.Response);
            // HEAD on every GET route: routed as GET; Kestrel sends the headers and drops the body.
            if (HttpMethods.IsHead(context.Request.Method) && context.Request.Path.StartsWithSegments("/" + ApiOperations.RoutePrefix))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => ApiProblem.Unmatched(context.HttpContext).WriteAsync(context.HttpContext));
        DashboardFiles.Use(app);
        app.UseRouting();
        ApiOperations.Map(app);
        app.MapOpenApi(OpenApiPath);
        return app;
    }
}
