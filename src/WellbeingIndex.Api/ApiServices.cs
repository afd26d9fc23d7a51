using System.Reflection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Jobs;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Api.Work;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api;

/// <summary>The services both hosts (function app, standalone server) need: one composition of the API.</summary>
public static class ApiServices
{
    /// <summary>
    /// Registers settings, clock, runtime, result store, publisher, the work limits, gate and job runner, every operation, the JSON options and ASP.NET Core's
    /// problem-details service.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="builtIn">The built-in providers' assembly (<c>BuiltInIndicators.Assembly</c>), handed to discovery.</param>
    /// <param name="underFunctionsHost">True in the function app: the host checks function keys and runs the timer.</param>
    public static IServiceCollection AddWellbeingApi(this IServiceCollection services, Assembly builtIn, bool underFunctionsHost)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(builtIn);
        services.AddSingleton(sp => ApiSettings.From(sp.GetRequiredService<IConfiguration>()) with { UnderFunctionsHost = underFunctionsHost });
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(sp => new WellbeingRuntime(sp.GetRequiredService<ApiSettings>(), sp.GetRequiredService<IClock>(), builtIn));
        services.AddSingleton<IResultStore>(sp =>
        {
            var settings = sp.GetRequiredService<ApiSettings>();
            var clock = sp.GetRequiredService<IClock>();
            return settings.TablesConnectionString is { } connection
                ? new TableResultStore(connection, settings.TablePrefix, clock, logger: sp.GetRequiredService<ILogger<TableResultStore>>())
                : new InMemoryResultStore(clock);
        });
        services.AddSingleton(sp => new IndexPublisher(sp.GetRequiredService<WellbeingRuntime>().Runner, sp.GetRequiredService<IResultStore>(),
            sp.GetRequiredService<ILogger<IndexPublisher>>(), sp.GetRequiredService<WellbeingRuntime>().ProviderCatalog.Context));
        services.AddSingleton<PublishedRunResponses>();
        services.AddSingleton(sp => WorkLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new WorkScheduler(sp.GetRequiredService<WorkLimits>().WorkerThreads));
        services.AddSingleton<HeavyWork>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<Compute.PreparedRuns>();
        foreach (var operation in ApiOperations.Types)
        {
            services.AddSingleton(operation);
        }

        services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        services.AddProblemDetails();
        return services;
    }
}
