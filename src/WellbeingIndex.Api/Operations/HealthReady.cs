using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;
using WellbeingIndex.Publication.Storage;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/health/ready</c>: readiness, where <see cref="Health"/> is liveness. Checks that Table Storage answers
/// within <see cref="StorageTimeout"/> (when configured) and that the data directory exists and can be listed; 503 with
/// <c>Retry-After</c> naming what failed, so a load balancer stops sending traffic without the process being restarted.
/// Details name no paths or endpoints (the log does).
/// </summary>
public sealed class HealthReady(ApiSettings settings, IResultStore store, ILogger<HealthReady> logger)
{
    public const string Name = "HealthReady";
    public const string Method = "get";
    public const string Route = "health/ready";
    public const OperationAccess Access = OperationAccess.Anonymous;

    /// <summary>How long storage gets to answer: well under a probe's usual timeout.</summary>
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Retry-After</c> of a 503: as long as a storage fault asks callers to wait.</summary>
    private const string RetryAfterSeconds = "5";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new[] { await StorageAsync(cancellationToken), Data() };
        if (checks.All(c => c.Status == "ok"))
        {
            return ApiJson.Result(new Readiness("ready", checks));
        }

        request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return ApiJson.Result(new Readiness("not-ready", checks), StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<ReadinessCheck> StorageAsync(CancellationToken cancellationToken)
    {
        if (store is not TableResultStore tables)
        {
            return new ReadinessCheck("storage", "ok", "Results are kept in memory (WELLBEING_TABLES is not set).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await tables.CheckReachableAsync(timeout.Token);
            return new ReadinessCheck("storage", "ok", "Table Storage answers.");
        }
        catch (StorageUnavailableException e)
        {
            return new ReadinessCheck("storage", "failed", $"Table Storage is unavailable ({e.ErrorCode}{(e.Status > 0 ? $", status {e.Status}" : "")}).");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Readiness: Table Storage did not answer within {Timeout}", StorageTimeout);
            return new ReadinessCheck("storage", "failed", $"Table Storage did not answer within {StorageTimeout.TotalSeconds:0} s.");
        }
    }

    private ReadinessCheck Data()
    {
        try
        {
            var directory = Providers.DataDirectory.Resolve(settings.DataDirectory);
            return Directory.EnumerateFileSystemEntries(directory).Any()
                ? new ReadinessCheck("data", "ok", "The data directory is readable.")
                : Failed("The data directory is empty.", null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"The data directory is missing or unreadable ({ApiSettings.DataDirKey}); the server log says where it looked.", e);
        }
    }

    private ReadinessCheck Failed(string detail, Exception? exception)
    {
        logger.LogWarning(exception, "Readiness: {Detail} ({DataDirectory})", detail, settings.DataDirectory ?? "default");
        return new ReadinessCheck("data", "failed", detail);
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, HealthReady operation, CancellationToken ct) => operation.HandleAsync(request, ct))
            .WithName(Name).Produces<Readiness>().Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
}
