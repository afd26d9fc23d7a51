using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/frameworks/{id}/series?from=&amp;to=</c>: the latest published series (every period comparable, with its
/// time mode and base), optionally narrowed to periods <c>from</c>..<c>to</c>; JSON, or CSV with <c>Accept: text/csv</c>.
/// </summary>
public sealed class GetSeries(WellbeingRuntime runtime, IResultStore store)
{
    public const string Name = "GetSeries";
    public const string Method = "get";
    public const string Route = "frameworks/{id}/series";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var framework = runtime.Framework(id);
        var from = Period(request, "from");
        var to = Period(request, "to");
        var series = await LatestAsync(store, framework.Id, cancellationToken);
        var (first, last) = (from ?? series.From, to ?? series.To);
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, period) in new[] { ("from", from), ("to", to) })
        {
            if (period is { } p && !series.Periods.Contains(p))
            {
                errors[field] = [$"{p} is not a period of the published series, which covers {string.Join(", ", series.Periods)}."];
            }
        }

        if (errors.Count == 0 && first.CompareTo(last) > 0)
        {
            errors["from"] = [$"{first} is after to ({last})."];
        }

        if (errors.Count > 0)
        {
            throw ApiProblem.BadRequest(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors).ToException();
        }

        var rows = await store.GetSeriesScoresAsync(framework.Id, series.SeriesId, null, cancellationToken);
        return SeriesDocument.Published(series, rows, first, last).ToResult(request);
    }

    /// <summary>The framework's latest published series.</summary>
    /// <exception cref="ApiException">404 when none has been published.</exception>
    internal static async Task<PublishedSeries> LatestAsync(IResultStore store, string frameworkId, CancellationToken cancellationToken) =>
        await store.GetLatestSeriesAsync(frameworkId, cancellationToken)
        ?? throw (ApiProblem.NotFound(
            $"No series has been published for '{frameworkId}' yet; POST /api/frameworks/{frameworkId}/publish or wait for the timer.")
            with { Code = "NoPublishedSeries" }).ToException();

    private static ReferencePeriod? Period(HttpRequest request, string field)
    {
        var text = request.Query[field].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return ReferencePeriod.TryParse(text, out var period)
            ? period
            : throw ApiProblem.Field(field, $"'{text}' is not a period: use 2019, 2019/20, 2019-03 or 2019-03-31.").ToException();
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string id, GetSeries operation, string? from, string? to, CancellationToken ct) =>
                operation.HandleAsync(request, id, ct))
            .WithName(Name).Produces<SeriesDocument>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
