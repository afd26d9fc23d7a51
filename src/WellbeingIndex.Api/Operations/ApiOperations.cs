using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// Every HTTP operation of the API. Each is one class holding its name, method and route (constants the function app's
/// <c>[Function]</c>/<c>[HttpTrigger]</c> attributes use) and its logic; the standalone server maps them here.
/// </summary>
public static class ApiOperations
{
    /// <summary>Routes are relative to this prefix, as in host.json's <c>extensions.http.routePrefix</c>.</summary>
    public const string RoutePrefix = "api";

    /// <summary>
    /// The method every GET operation also answers (headers only): the function app's triggers list it beside GET; the
    /// standalone server routes HEAD as GET and Kestrel drops the body.
    /// </summary>
    public const string HeadMethod = "head";

    /// <summary>Header carrying the function key of operations whose authorization level is <c>Function</c>.</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>The operation classes (registered as singletons by <see cref="ApiServices.AddWellbeingApi"/>).</summary>
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(Health), typeof(HealthReady), typeof(ListFrameworks), typeof(GetFramework), typeof(ListIndicators), typeof(ComputeIndex),
        typeof(GetLatestRun), typeof(GetRun), typeof(GetAreaHistory), typeof(GetSeries), typeof(PublishFramework),
        typeof(GetInequality),
        typeof(AuditFramework), typeof(StartSensitivityJob), typeof(GetJob), typeof(GetJobResult), typeof(CancelJob),
    ];

    /// <summary>Maps every operation as a minimal-API endpoint under <c>/api</c> (the standalone server).</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        Health.Map(routes);
        HealthReady.Map(routes);
        ListFrameworks.Map(routes);
        GetFramework.Map(routes);
        ListIndicators.Map(routes);
        ComputeIndex.Map(routes);
        GetLatestRun.Map(routes);
        GetRun.Map(routes);
        GetAreaHistory.Map(routes);
        GetSeries.Map(routes);
        PublishFramework.Map(routes);
        GetInequality.Map(routes);
        AuditFramework.Map(routes);
        StartSensitivityJob.Map(routes);
        GetJob.Map(routes);
        GetJobResult.Map(routes);
        CancelJob.Map(routes);
    }

    internal static string Pattern(string route) => $"/{RoutePrefix}/{route}";

    /// <summary>
    /// Applies an operation's <see cref="OperationAccess"/> to its standalone endpoint: for <see cref="OperationAccess.Function"/>
    /// the <see cref="FunctionKeyRequired"/> metadata and a filter that checks the key before the handler runs.
    /// </summary>
    /// <param name="endpoint">The mapped endpoint.</param>
    /// <param name="access">The operation's <c>Access</c>.</param>
    /// <param name="what">What needs the key, for the messages ("publishing", "running jobs").</param>
    internal static RouteHandlerBuilder WithAccess(this RouteHandlerBuilder endpoint, OperationAccess access, string what) =>
        access == OperationAccess.Anonymous
            ? endpoint
            : endpoint.WithMetadata(FunctionKeyRequired.Instance).AddEndpointFilter((context, next) =>
            {
                FunctionKeyRequired.Authorize(context.HttpContext.Request, context.HttpContext.RequestServices.GetRequiredService<ApiSettings>(), what);
                return next(context);
            });
}
