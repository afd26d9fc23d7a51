using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Functions.Hosting;
using WellbeingIndex.Functions.Http;
using WellbeingIndex.Functions.Storage;

namespace WellbeingIndex.Functions.Api;

/// <summary>Published results: the latest run, a run by id, and one area's scores across runs.</summary>
public static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/frameworks/{id}/runs/latest", async (string id, HttpRequest request, WellbeingRuntime runtime, IResultStore store,
            CancellationToken ct) =>
        {
            var framework = runtime.Framework(id);
            var run = await store.GetLatestRunAsync(framework.Id, ct)
                ?? throw ApiProblem.NotFound($"Nothing has been published for '{framework.Id}' yet; POST /api/frameworks/{framework.Id}/publish or wait for the timer.").ToException();
            return (await Document(store, run, ct)).ToResult(request);
        }).WithName("GetLatestRun");

        routes.MapGet("/api/frameworks/{id}/runs/{runId}", async (string id, string runId, HttpRequest request, WellbeingRuntime runtime,
            IResultStore store, CancellationToken ct) =>
        {
            var framework = runtime.Framework(id);
            // Run ids are "<period>-<16 hex digits>"; anything else never reaches the store (a '/' or '#' in a row key is
            // a storage error, not "not found").
            if (runId.Length > 64 || !runId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw ApiProblem.NotFound($"'{runId}' is not a run id (period and hash, such as 2023-17484d4417241c38).", "runId").ToException();
            }

            var run = await store.GetRunAsync(framework.Id, runId, ct)
                ?? throw ApiProblem.NotFound($"No published run '{runId}' of '{framework.Id}'.", "runId").ToException();
            return (await Document(store, run, ct)).ToResult(request);
        }).WithName("GetRun");

        routes.MapGet("/api/frameworks/{id}/areas/{areaCode}/history", async (string id, string areaCode, HttpRequest request,
            WellbeingRuntime runtime, IResultStore store, CancellationToken ct) =>
        {
            var framework = runtime.Framework(id);
            if (!framework.Areas.Any(a => a.Code == areaCode))
            {
                throw ApiProblem.NotFound($"'{areaCode}' is not an area of framework '{framework.Id}'.", "areaCode").ToException();
            }

            var rows = await store.GetAreaHistoryAsync(framework.Id, areaCode, ct);
            var history = rows.Select(r => new RunDocument.HistoryEntry(r.RunId, r.Period, r.Scores)).ToList();
            if (Csv.IsWanted(request) && history.Count > 0)
            {
                return Csv.Result(RunDocument.CsvHeader(history[0].Scores, "run_id", "period"),
                    history.Select(h => (IReadOnlyList<object?>)[h.RunId, h.Period.ToString(), .. RunDocument.CsvCells(h.Scores)]));
            }

            return ApiJson.Result(new
            {
                FrameworkId = framework.Id,
                AreaCode = areaCode,
                AreaName = framework.Areas.First(a => a.Code == areaCode).Name,
                Runs = history,
            });
        }).WithName("GetAreaHistory");
    }

    private static async Task<RunDocument> Document(IResultStore store, PublishedRun run, CancellationToken ct) =>
        RunDocument.Published(run, await store.GetAreaScoresAsync(run.FrameworkId, run.RunId, ct),
            await store.GetIndicatorValuesAsync(run.FrameworkId, run.RunId, ct));
}
