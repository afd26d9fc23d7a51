using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using NodaTime;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Jobs;
using WellbeingIndex.Api.Work;
using WellbeingIndex.Engine;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>POST /api/frameworks/{id}/sensitivity</c>: queues an uncertainty/sensitivity analysis of the framework (the
/// engine's <see cref="SensitivityAnalysis"/>, the inputs written as for <c>wellbeing sensitivity</c>) and answers at
/// once 202 Accepted with the job's status and its <c>Location</c>. Needs a function key: a job holds cores for
/// seconds to minutes, so an anonymous client could keep the job queue full.
/// </summary>
public sealed class StartSensitivityJob(WellbeingRuntime runtime, ApiSettings settings, WorkLimits limits, JobRunner jobs, IClock clock)
{
    public const string Name = "StartSensitivityJob";
    public const string Method = "post";
    public const string Route = "frameworks/{id}/sensitivity";
    public const OperationAccess Access = OperationAccess.Function;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = cancellationToken;
        var framework = runtime.Framework(id);
        var body = SensitivityRequest.Parse(await RequestBody.ReadObjectAsync(request, settings.MaxBodyBytes, ct));
        var recipe = body.Recipe;
        ComputeIndex.CheckAreas(framework, recipe.Areas);
        var definition = WhatIf.Apply(framework.Definition, recipe);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var inputs = new List<UncertainInput>();
        for (var i = 0; i < body.Uncertain.Count; i++)
        {
            try
            {
                inputs.AddRange(UncertainInput.Parse(body.Uncertain[i], definition));
            }
            catch (ArgumentException e)
            {
                errors[$"uncertain[{i}]"] = [e.Message];
            }
        }

        var options = new SensitivityOptions { Inputs = inputs, Runs = body.Runs, Sobol = body.Sobol, Seed = body.Seed, Bootstrap = body.Bootstrap };
        if (errors.Count == 0 && options.Validate() is { Count: > 0 } problems)
        {
            errors["uncertain"] = [.. problems];
        }

        if (errors.Count > 0)
        {
            throw ComputeRequest.Invalid(errors).ToException();
        }

        var total = options.Sobol ? (long)options.Runs * (inputs.Count + 2) : options.Runs;
        var areas = recipe.Areas?.Count ?? framework.Areas.Count;
        WorkBudget.Check(total, areas, definition.Nodes.Length, limits.JobBudget, "runs", WorkLimits.JobBudgetKey,
            "Lower runs, or give fewer areas or uncertain inputs.");
        var kept = options.Sobol ? 2L * options.Runs : options.Runs;
        if (kept * areas > limits.JobRanks)
        {
            throw ApiProblem.Field("runs", string.Create(CultureInfo.InvariantCulture,
                $"keeps the ranks of {kept:N0} runs × {areas:N0} areas = {kept * areas:N0}, above the limit of {limits.JobRanks:N0} (2 bytes each); " +
                $"at most {limits.JobRanks / areas / (options.Sobol ? 2 : 1):N0} runs fit for these areas.")).ToException();
        }

        if (total > int.MaxValue)
        {
            throw ApiProblem.Field("runs", $"asks for {total} runs; at most {int.MaxValue} fit in one job.").ToException();
        }

        var period = await ComputeIndex.PeriodAsync(runtime, framework, definition, recipe.Period, ct);

        var job = jobs.Submit("sensitivity", framework.Id, (int)total, async (progress, token) =>
        {
            try
            {
                var run = await runtime.Runner.ComputeAsync(framework, period, recipe.Areas, recipe.IsWhatIf ? definition : null, token);
                var result = SensitivityAnalysis.Run(run.Result.Definition, run.Result.Input, options, progress, cancellationToken: token);
                return SensitivityDocument.From(framework.Id, period, recipe.IsWhatIf, result, clock.GetCurrentInstant());
            }
            catch (IndexComputationException e)
            {
                // A variant the data cannot support (gmean meeting a 0): the recipe fields given, and the inputs varied.
                throw ComputeIndex.Uncomputable([.. recipe.GivenFields, "uncertain"], e, "uncertain");
            }
        });

        var status = JobStatus.Of(job, jobs.ExpiresAt(job));
        return new HeaderResult(ApiJson.Result(status, StatusCodes.Status202Accepted), new Dictionary<string, string>
        {
            [HeaderNames.Location] = status.Location,
            [HeaderNames.RetryAfter] = GetJob.PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost(ApiOperations.Pattern(Route), (HttpRequest request, string id, StartSensitivityJob operation,
                [FromHeader(Name = ApiOperations.KeyHeader)] string? functionKey, CancellationToken ct) => operation.HandleAsync(request, id, ct))
            .WithName(Name).WithAccess(Access, "running jobs")
            .WithMetadata(new DocumentedBody(typeof(SensitivityRequestBody), "The uncertain inputs (required) and the analysis; period, areas and what-if fields as for compute."))
            .Produces<JobStatus>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
