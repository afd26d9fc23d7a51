using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Work;
using WellbeingIndex.Engine;
using WellbeingIndex.Engine.Analysis;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>POST /api/frameworks/{id}/audit</c>: the coherence checks of the framework (or a what-if variant) at a period, as
/// <c>wellbeing audit</c> computes them (the engine's <see cref="AuditResult"/>): indicator statistics, correlations,
/// Cronbach's alpha, PCA and effective weights. The body is a compute body without uncertainty or a range. Anonymous
/// like compute: it reads only, and its work is bounded by the budget and the heavy-work gate.
/// </summary>
public sealed class AuditFramework(WellbeingRuntime runtime, ApiSettings settings, HeavyWork work, WorkLimits limits)
{
    public const string Name = "AuditFramework";
    public const string Method = "post";
    public const string Route = "frameworks/{id}/audit";
    public const OperationAccess Access = OperationAccess.Anonymous;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = cancellationToken;
        var framework = runtime.Framework(id);
        var body = ComputeRequest.Parse(await RequestBody.ReadObjectAsync(request, settings.MaxBodyBytes, ct));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Uncertainty is not null)
        {
            errors["uncertainty"] = ["an audit checks one computation; for rank uncertainty use compute or a sensitivity job."];
        }

        foreach (var (field, given) in new[] { ("from", body.From), ("to", body.To) })
        {
            if (given is not null)
            {
                errors[field] = ["an audit is of one period: give period."];
            }
        }

        if (errors.Count > 0)
        {
            throw ComputeRequest.Invalid(errors).ToException();
        }

        ComputeIndex.CheckAreas(framework, body.Areas);
        var definition = WhatIf.Apply(framework.Definition, body);
        var period = await ComputeIndex.PeriodAsync(runtime, framework, definition, body.Period, ct);

        var areas = body.Areas?.Count ?? framework.Areas.Count;
        WorkBudget.Check(1, areas, definition.Nodes.Length, limits.ComputeBudget, "areas", WorkLimits.ComputeBudgetKey, "Give fewer areas.");
        try
        {
            var document = await work.RunAsync(WorkBudget.Cells(1, areas, definition.Nodes.Length), false, "areas", async token =>
            {
                var run = await runtime.Runner.ComputeAsync(framework, period, body.Areas, body.IsWhatIf ? definition : null, token);
                return AuditDocument.From(framework.Id, period, body.IsWhatIf, run.Result.AreaCodes.Length, AuditResult.Of(run.Result, token));
            }, ct);
            return ApiJson.Result(document);
        }
        catch (IndexComputationException e)
        {
            throw ComputeIndex.Uncomputable(body.GivenFields, e, "period");
        }
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost(ApiOperations.Pattern(Route), (HttpRequest request, string id, AuditFramework operation, CancellationToken ct) =>
                operation.HandleAsync(request, id, ct))
            .WithName(Name)
            .WithMetadata(new DocumentedBody(typeof(ComputeRequestBody), "As for compute, without uncertainty, from or to; an empty body audits the framework at its latest period."))
            .Produces<AuditDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
