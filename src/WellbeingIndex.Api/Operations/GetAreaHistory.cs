using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary><c>GET /api/frameworks/{id}/areas/{areaCode}/history</c>: one area's scores across published runs.</summary>
public sealed class GetAreaHistory(WellbeingRuntime runtime, IResultStore store)
{
    public const string Name = "GetAreaHistory";
    public const string Method = "get";
    public const string Route = "frameworks/{id}/areas/{areaCode}/history";

    public async Task<IResult> HandleAsync(HttpRequest request, string id, string areaCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var framework = runtime.Framework(id);
        var area = framework.Areas.FirstOrDefault(a => a.Code == areaCode)
            ?? throw ApiProblem.NotFound($"'{areaCode}' is not an area of framework '{framework.Id}'.", "areaCode").ToException();
        var rows = await store.GetAreaHistoryAsync(framework.Id, area.Code, cancellationToken);
        var history = rows.Select(r => new RunDocument.HistoryEntry(r.RunId, r.Period, r.Scores)).ToList();
        if (Csv.IsWanted(request) && history.Count > 0)
        {
            return Csv.Result(RunCsv.Header(history[0].Scores, "run_id", "period"),
                history.Select(h => (IReadOnlyList<object?>)[h.RunId, h.Period.ToString(), .. RunCsv.Cells(h.Scores)]));
        }

        return ApiJson.Result(new AreaHistory(framework.Id, area.Code, area.Name, history));
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string id, string areaCode, GetAreaHistory operation, CancellationToken ct) =>
                operation.HandleAsync(request, id, areaCode, ct))
            .WithName(Name).Produces<AreaHistory>(StatusCodes.Status200OK, "application/json", "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
}
