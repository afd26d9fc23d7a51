using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/frameworks/{id}/areas/{areaCode}/history</c>: one area's scores in every period of the latest published
/// series, with the time mode and base that make them comparable (never scores normalised period by period and mixed).
/// </summary>
public sealed class GetAreaHistory(WellbeingRuntime runtime, IResultStore store)
{
    public const string Name = "GetAreaHistory";
    public const string Method = "get";
    public const string Route = "frameworks/{id}/areas/{areaCode}/history";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, string areaCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var framework = runtime.Framework(id);
        var area = framework.Areas.FirstOrDefault(a => a.Code == areaCode)
            ?? throw ApiProblem.NotFound($"'{areaCode}' is not an area of framework '{framework.Id}'.", "areaCode").ToException();
        var series = await GetSeries.LatestAsync(store, framework.Id, cancellationToken);
        var rows = await store.GetSeriesScoresAsync(framework.Id, series.SeriesId, area.Code, cancellationToken);
        var history = new AreaHistory(framework.Id, area.Code, area.Name, series.SeriesId, series.TimeMode, series.Base,
            rows.Select(r => new AreaHistory.Entry(r.Period, r.Scores)).ToList());
        if (Csv.IsWanted(request) && history.Periods.Count > 0)
        {
            return Csv.Result(RunCsv.Header(history.Periods[0].Scores, "period", "time_mode", "base"),
                history.Periods.Select(h => (IReadOnlyList<object?>)[h.Period.ToString(), series.TimeMode, series.Base, .. RunCsv.Cells(h.Scores)]));
        }

        return ApiJson.Result(history);
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string id, string areaCode, GetAreaHistory operation, CancellationToken ct) =>
                operation.HandleAsync(request, id, areaCode, ct))
            .WithName(Name).Produces<AreaHistory>(StatusCodes.Status200OK, "application/json", "text/csv").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
