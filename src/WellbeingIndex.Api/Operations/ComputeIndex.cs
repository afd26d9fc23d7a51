using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Work;
using WellbeingIndex.Engine;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Uncertainty;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>POST /api/frameworks/{id}/compute</c>: computes the framework (or a what-if variant) for a period and areas and
/// returns it; with <c>from</c>/<c>to</c>, every period of the range as one comparable series. Never writes to storage: analysts can try variants without touching what dashboards read.
/// </summary>
/// <remarks>
/// The answer is lean by default (run facts and each area's scores, ranks and coverage); <c>?detail=full</c> adds the
/// definition used and every indicator value. Provider values, latest periods and what-if definitions are kept in
/// memory (<see cref="PreparedRuns"/>), so a what-if over every area costs one run of the recipe.
/// </remarks>
public sealed class ComputeIndex(WellbeingRuntime runtime, ApiSettings settings, PreparedRuns prepared, HeavyWork work, WorkLimits limits)
{
    public const string Name = "ComputeIndex";
    public const string Method = "post";
    public const string Route = "frameworks/{id}/compute";
    public const OperationAccess Access = OperationAccess.Anonymous;

    /// <summary>The query parameter choosing the answer's detail: <c>lean</c> (default) or <c>full</c>.</summary>
    public const string DetailParameter = "detail";

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = cancellationToken;
        var full = FullDetail(request);
        var framework = runtime.Framework(id);
        var json = await RequestBody.ReadObjectAsync(request, settings.MaxBodyBytes, ct);
        var body = ComputeRequest.Parse(json);
        CheckAreas(framework, body.Areas);
        var variant = body.IsWhatIf ? prepared.Definition(framework, body, json) : null;
        var definition = variant?.Definition ?? framework.Definition;
        if (body.IsRange)
        {
            return (await ComputeSeriesAsync(framework, definition, body, ct)).ToResult(request);
        }

        var period = body.Period is null ? await prepared.LatestPeriodAsync(framework, ct) : await PeriodAsync(runtime, framework, definition, body.Period, ct);

        try
        {
            var areas = body.Areas?.Count ?? framework.Areas.Count;
            var runs = 1L + (body.Uncertainty?.Runs ?? 0);
            WorkBudget.Check(runs, areas, definition.Nodes.Length, limits.ComputeBudget, body.Uncertainty is null ? "areas" : "uncertainty.runs",
                WorkLimits.ComputeBudgetKey, $"Give fewer areas or runs, or submit the analysis as a job: POST /api/frameworks/{framework.Id}/sensitivity.");
            var document = await work.RunAsync(WorkBudget.Cells(runs, areas, definition.Nodes.Length), body.Uncertainty is not null,
                body.Uncertainty is null ? "areas" : "uncertainty", async token =>
                {
                    RunDocument document;
                    FrameworkRun run;
                    if (body.Areas is null)
                    {
                        var baseRun = await prepared.BaseAsync(framework, period, token);
                        run = variant is null ? baseRun.Run : prepared.Vary(baseRun, variant.Definition, token);
                        document = full ? RunDocument.Computed(run, body.IsWhatIf)
                            : RunDocument.Lean(run, variant is null ? baseRun.RunId : PreparedRuns.WhatIfRunId(baseRun, variant), body.IsWhatIf);
                    }
                    else
                    {
                        run = await runtime.Runner.ComputeAsync(framework, period, body.Areas, variant?.Definition, token);
                        var computed = RunDocument.Computed(run, body.IsWhatIf);
                        document = full ? computed : computed with { Definition = null, IndicatorValues = null };
                    }

                    return body.Uncertainty is { } options
                        ? document with { Uncertainty = UncertaintyAnalysis.Run(run.Result, options, cancellationToken: token).Areas.Select(RankUncertainty.From).ToList() }
                        : document;
                }, ct);
            return document.ToResult(request);
        }
        catch (IndexComputationException e)
        {
            throw Uncomputable(body.GivenFields, e, "period");
        }
    }

    private static bool FullDetail(HttpRequest request) => request.Query[DetailParameter].ToString() switch
    {
        "" or "lean" => false,
        "full" => true,
        var other => throw ApiProblem.Field(DetailParameter, $"must be lean (the default: scores, ranks, coverage) or full (with the definition and indicator values), got '{ApiProblem.Echo(other)}'.").ToException(),
    };

    /// <summary>The what-if over <c>from</c>..<c>to</c>: every period computed together with the definition's time mode.</summary>
    private async Task<SeriesDocument> ComputeSeriesAsync(Framework framework, IndexDefinition definition, ComputeRequest body, CancellationToken ct)
    {
        var span = await runtime.Runner.SeriesSpanAsync(framework, ct);
        var from = body.From ?? span?.From
            ?? throw ApiProblem.Field("from", $"framework '{framework.Id}' states no series start (time.from): give from.").ToException();
        var to = body.To ?? span?.To ?? await runtime.Runner.LatestPeriodAsync(framework, ct);
        if (from.Kind != to.Kind || from.CompareTo(to) > 0)
        {
            throw ApiProblem.Field(body.From is null ? "to" : "from",
                $"{from} to {to} is not a range: both must be the same kind of period, from not after to.").ToException();
        }

        if (definition.Time is { Mode: TimeMode.BasePeriod, Base: { } baseText } && ReferencePeriod.TryParse(baseText, out var basePeriod)
            && (basePeriod.CompareTo(from) < 0 || basePeriod.CompareTo(to) > 0))
        {
            throw ApiProblem.Field(basePeriod.CompareTo(from) < 0 ? "from" : "to",
                $"the range {from}–{to} must contain the base period {basePeriod} of framework '{framework.Id}' (time mode base-period).").ToException();
        }

        await CheckPeriodAsync(runtime, definition, from, ct, "from");
        try
        {
            var areas = body.Areas?.Count ?? framework.Areas.Count;
            var periods = FrameworkRunner.Span(from, to).Count;
            WorkBudget.Check(periods, areas, definition.Nodes.Length, limits.ComputeBudget, body.From is null ? "to" : "from",
                WorkLimits.ComputeBudgetKey, "Ask for a shorter range or fewer areas.");
            return await work.RunAsync(WorkBudget.Cells(periods, areas, definition.Nodes.Length), false, body.From is null ? "to" : "from", async token =>
                SeriesDocument.Computed(await runtime.Runner.ComputeSeriesAsync(framework, from, to, null, body.Areas, body.IsWhatIf ? definition : null, ct: token),
                    body.IsWhatIf), ct);
        }
        catch (IndexComputationException e)
        {
            throw Uncomputable(body.GivenFields, e, "from");
        }
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost(ApiOperations.Pattern(Route), (HttpRequest request, string id, ComputeIndex operation, string? detail, CancellationToken ct) =>
                operation.HandleAsync(request, id, ct))
            .WithName(Name)
            .WithMetadata(new DocumentedBody(typeof(ComputeRequestBody), "Every field optional; an empty body computes the framework at its latest period. With from/to the answer is a series (SeriesDocument, as GET .../series serves) instead of a run. " +
                "The run answer is lean (scores, ranks, coverage) unless ?detail=full asks for the definition and indicator values too."))
            .Produces<RunDocument>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The period asked for, checked against the indicators' first data; the framework's latest when none was asked for.</summary>
    internal static async Task<ReferencePeriod> PeriodAsync(WellbeingRuntime runtime, Framework framework, IndexDefinition definition,
        ReferencePeriod? asked, CancellationToken ct)
    {
        if (asked is not { } period)
        {
            return await runtime.Runner.LatestPeriodAsync(framework, ct);
        }

        await CheckPeriodAsync(runtime, definition, period, ct);
        return period;
    }

    /// <summary>
    /// The data cannot support what was asked (no value for these areas at this period, a geometric mean meeting
    /// negative z-scores): a 422 naming the fields that shaped it; with none given, <paramref name="fallback"/> did.
    /// </summary>
    internal static ApiException Uncomputable(IReadOnlyList<string> given, IndexComputationException e, string fallback)
    {
        var fields = given.Count > 0 ? given : [fallback];
        return new ApiProblem(StatusCodes.Status422UnprocessableEntity, "The index cannot be computed with these settings.", e.Message,
            fields.ToDictionary(f => f, _ => new[] { e.Message })).ToException();
    }

    /// <summary>
    /// A period before an indicator's first data cannot be computed (nothing at or before it): say so as a fault of
    /// <c>period</c>, with the earliest period that works, rather than as a computation failure.
    /// </summary>
    private static async Task CheckPeriodAsync(WellbeingRuntime runtime, IndexDefinition definition, ReferencePeriod period, CancellationToken ct,
        string field = "period")
    {
        var firsts = new List<(string Code, ReferencePeriod First)>();
        foreach (var node in definition.Indicators)
        {
            if (node.Provider is { } id && runtime.ProviderCatalog.TryGet(id, out var provider)
                && await provider.GetAvailablePeriodsAsync(ct) is { Count: > 0 } periods)
            {
                firsts.Add((node.Code, periods[0]));
            }
        }

        var tooEarly = firsts.Where(f => !f.First.EndsOnOrBefore(period)).ToList();
        if (tooEarly.Count > 0)
        {
            throw ApiProblem.Field(field,
                $"'{period}' is before the first data of {string.Join(", ", tooEarly.Select(f => $"'{f.Code}' ({f.First})"))}; " +
                $"the earliest period every indicator has data for is {firsts.Max(f => f.First)}.").ToException();
        }
    }

    internal static void CheckAreas(Framework framework, IReadOnlyList<string>? areas)
    {
        if (areas is null)
        {
            return;
        }

        var known = framework.Areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var errors = areas.Select((code, i) => (code, i)).Where(x => !known.Contains(x.code))
            .ToDictionary(x => $"areas[{x.i}]", x => new[]
            {
                $"'{x.code}' is not an area of framework '{framework.Id}'; GET /api/frameworks/{framework.Id} lists its {framework.Areas.Count} areas.",
            });
        if (errors.Count > 0)
        {
            throw ComputeRequest.Invalid(errors).ToException();
        }
    }
}
