using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// The one shape of a run in responses, whether just computed (what-if, never stored) or read from storage: run
/// facts, the definition used, each area's scores per aggregate node, and each indicator value with the period it
/// refers to, its status and its source. Dashboards can then treat both alike.
/// </summary>
/// <remarks>
/// A what-if compute answers the lean form by default (run facts, areas and their scores, ranks and coverage):
/// <see cref="Definition"/> and <see cref="IndicatorValues"/> are then left out, and <c>?detail=full</c> asks for them.
/// Published runs always carry both.
/// </remarks>
public sealed record RunDocument(RunDocument.RunInfo Run, JsonElement? Definition,
    [property: JsonPropertyOrder(1)] IReadOnlyList<RunDocument.AreaScores> Areas,
    IReadOnlyList<IndicatorValueRow>? IndicatorValues)
{
    /// <summary>The definition used; left out of a lean compute answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Definition { get; init; } = Definition;

    /// <summary>Each indicator value per area; left out of a lean compute answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public IReadOnlyList<IndicatorValueRow>? IndicatorValues { get; init; } = IndicatorValues;

    /// <param name="FrameworkId">The framework.</param>
    /// <param name="RunId">The run id the stores use (derived from the inputs); a what-if gets its own.</param>
    /// <param name="Period">The period asked for.</param>
    /// <param name="ComputedAt">When computed.</param>
    /// <param name="PublishedAt">When published; null for a computed, unpublished run.</param>
    /// <param name="WhatIf">True when the definition was changed by the request.</param>
    /// <param name="AreaCount">Areas in the run.</param>
    /// <param name="IndicatorCount">Indicators in the definition.</param>
    public sealed record RunInfo(string FrameworkId, string RunId, ReferencePeriod Period, Instant ComputedAt, Instant? PublishedAt, bool WhatIf,
        int AreaCount, int IndicatorCount);

    /// <summary>
    /// The index's rank stability per area when the request asked for an uncertainty analysis (compute only); left
    /// out otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(3)]
    public IReadOnlyList<RankUncertainty>? Uncertainty { get; init; }

    public sealed record AreaScores(string AreaCode, string AreaName, IReadOnlyList<NodeScore> Scores);

    public static RunDocument Published(PublishedRun run, IReadOnlyList<AreaScoreRow> areas, IReadOnlyList<IndicatorValueRow> values) => new(
        new RunInfo(run.FrameworkId, run.RunId, run.Period, run.ComputedAt, run.PublishedAt, false, run.AreaCount, run.IndicatorCount),
        ApiJson.Element(run.DefinitionJson),
        areas.Select(a => new AreaScores(a.AreaCode, a.AreaName, a.Scores)).ToList(),
        values);

    /// <summary>A published run with its rows, read from <paramref name="store"/>.</summary>
    public static async Task<RunDocument> ReadAsync(IResultStore store, PublishedRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        return Published(run, await store.GetAreaScoresAsync(run.FrameworkId, run.RunId, cancellationToken),
            await store.GetIndicatorValuesAsync(run.FrameworkId, run.RunId, cancellationToken));
    }

    /// <summary>A run just computed: the rows it would be published as, with the run id it would get.</summary>
    public static RunDocument Computed(FrameworkRun run, bool whatIf)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = RunPublication.From(run);
        return new RunDocument(
            new RunInfo(rows.FrameworkId, rows.RunId, rows.Period, rows.ComputedAt, null, whatIf, rows.AreaScores.Count, rows.IndicatorCount),
            ApiJson.Element(rows.DefinitionJson),
            rows.AreaScores.Select(a => new AreaScores(a.AreaCode, a.AreaName, a.Scores)).ToList(),
            rows.IndicatorValues);
    }

    /// <summary>
    /// The lean answer of a computation: run facts and each area's scores, ranks and coverage, without the definition
    /// and indicator values (which make the full answer twenty times larger). <paramref name="runId"/> identifies the
    /// inputs and recipe (see <see cref="Operations.ComputeIndex"/>).
    /// </summary>
    public static RunDocument Lean(FrameworkRun run, string runId, bool whatIf)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (_, areas) = RunPublication.AreaRows(run.Result, runId, run.Period);
        return new RunDocument(
            new RunInfo(run.Framework.Id, runId, run.Period, RunPublication.Truncate(run.ComputedAt), null, whatIf, areas.Count,
                run.Result.Definition.Indicators.Length),
            null,
            areas.Select(a => new AreaScores(a.AreaCode, a.AreaName, a.Scores)).ToList(),
            null);
    }

    /// <summary>JSON, or CSV (one row per area, five columns per node) when the client asks for text/csv.</summary>
    /// <remarks>With an uncertainty analysis, CSV rows end with the index's rank median and 5th–95th percentile.</remarks>
    public Microsoft.AspNetCore.Http.IResult ToResult(Microsoft.AspNetCore.Http.HttpRequest request) =>
        Csv.IsWanted(request) && Areas.Count > 0 ? CsvResult() : ApiJson.Result(this);

    /// <summary>The CSV form of <see cref="ToResult"/>.</summary>
    internal TextResult CsvResult() =>
        (TextResult)Csv.Result(
            Uncertainty is null ? RunCsv.Header(Areas[0].Scores, "area_code", "area_name") : [.. RunCsv.Header(Areas[0].Scores, "area_code", "area_name"), "rank_median", "rank_p05", "rank_p95"],
            Areas.Select((a, i) => Uncertainty is null
                ? (IReadOnlyList<object?>)[a.AreaCode, a.AreaName, .. RunCsv.Cells(a.Scores)]
                : [a.AreaCode, a.AreaName, .. RunCsv.Cells(a.Scores), Uncertainty[i].MedianRank, Uncertainty[i].RankP05, Uncertainty[i].RankP95]));
}
