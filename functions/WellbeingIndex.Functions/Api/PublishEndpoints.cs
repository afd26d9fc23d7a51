using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Functions.Hosting;
using WellbeingIndex.Functions.Http;
using WellbeingIndex.Functions.Timer;

namespace WellbeingIndex.Functions.Api;

/// <summary>
/// Publishing: <c>POST /api/frameworks/{id}/publish</c> on demand, and <c>POST /PublishIndex</c>, the timer invocation the
/// Functions host sends. Under the host, the host has checked the function key (authLevel "function") or is itself the
/// caller; standalone there is no host, so both require <c>x-functions-key</c> to equal WELLBEING_PUBLISH_KEY.
/// </summary>
public static class PublishEndpoints
{
    public const string KeyHeader = "x-functions-key";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/frameworks/{id}/publish", async (string id, HttpRequest request, IndexPublisher publisher, WellbeingRuntime runtime,
            FunctionSettings settings, CancellationToken ct) =>
        {
            Authorize(request, settings);
            var framework = runtime.Framework(id);
            var run = await publisher.PublishAsync(framework.Id, ct);
            return ApiJson.Result(new { run.FrameworkId, run.RunId, run.Period, run.ComputedAt, run.PublishedAt, run.AreaCount, run.IndicatorCount },
                StatusCodes.Status201Created);
        }).WithName("PublishFramework");

        routes.MapPost("/PublishIndex", async (HttpRequest request, IndexPublisher publisher, FunctionSettings settings, CancellationToken ct) =>
        {
            Authorize(request, settings);
            var pastDue = TimerInvocation.ReadIsPastDue(await RequestBody.ReadObjectAsync(request, settings.MaxBodyBytes, ct));
            var (succeeded, logs) = await publisher.PublishAllAsync(ct);
            var lines = pastDue ? logs.Prepend("The timer was past due.") : logs;
            // A non-2xx answer makes the host record the invocation as failed (and retry on the next schedule).
            return ApiJson.Result(TimerInvocation.Response(lines),
                succeeded ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
        }).WithName("PublishIndex");
    }

    private static void Authorize(HttpRequest request, FunctionSettings settings)
    {
        if (settings.UnderFunctionsHost)
        {
            return;
        }

        if (settings.PublishKey is null)
        {
            throw new ApiProblem(StatusCodes.Status403Forbidden, "Publishing over HTTP is not configured.",
                $"Running standalone, publishing needs a key: set {FunctionSettings.PublishKeyKey} to a secret and send it in the {KeyHeader} header. " +
                $"The in-process timer ({FunctionSettings.TimerKey}) and start-up publish ({FunctionSettings.PublishOnStartKey}) need no key.").ToException();
        }

        var given = request.Headers[KeyHeader].ToString();
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(settings.PublishKey)))
        {
            throw new ApiProblem(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"The {KeyHeader} header is {(given.Length == 0 ? "missing" : "wrong")}; it must equal {FunctionSettings.PublishKeyKey}.",
                new Dictionary<string, string[]> { [KeyHeader] = [given.Length == 0 ? "is required." : $"does not match {FunctionSettings.PublishKeyKey}."] })
                .ToException();
        }
    }
}
