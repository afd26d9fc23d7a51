using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Engine.Inequality;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// <c>GET /api/frameworks/{id}/inequality?by=la|region|england&amp;node=&amp;threshold=&amp;higherIsWorse=&amp;period=</c>:
/// a small-area framework's node (default: the index) rolled up to districts, regions or England with the inequality
/// within each place (fifths, Gini, Atkinson, IHDI-style adjusted mean, share of people below <c>threshold</c>) and the
/// IoD summary measures; JSON, or CSV (the columns of <c>wellbeing inequality</c>) with <c>Accept: text/csv</c>.
/// 404 for a framework whose areas are not LSOAs. The last run computed is kept, so asking again for another node or
/// level does not recompute 33,755 areas.
/// </summary>
public sealed class GetInequality(WellbeingRuntime runtime)
{
    public const string Name = "GetInequality";
    public const string Method = "get";
    public const string Route = "frameworks/{id}/inequality";
    public const OperationAccess Access = OperationAccess.Anonymous;

    private readonly SemaphoreSlim _computing = new(1, 1);
    private FrameworkRun? _last;

    public async Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var framework = runtime.Framework(id);
        if (!IndexPublisher.IsSmallArea(framework))
        {
            throw ApiProblem.NotFound($"Framework '{framework.Id}' is not a small-area framework (its areas are not 2021 LSOAs): inequality within places needs one.", "id")
                .ToException();
        }

        var errors = new Dictionary<string, string[]>();
        var byText = request.Query["by"].ToString();
        var by = byText.Length == 0 ? "la" : byText;
        if (!PlaceLevels.TryParse(by, out var level))
        {
            errors["by"] = [$"'{by}' is not a place level: use la, region or england."];
        }

        var node = request.Query["node"].ToString();
        node = node.Length == 0 ? framework.Definition.Root.Code : node;
        if (framework.Definition.Nodes.All(n => n.Code != node))
        {
            errors["node"] = [$"'{node}' is not a node of framework '{framework.Id}'. Nodes: {string.Join(", ", framework.Definition.Nodes.Select(n => n.Code))}."];
        }

        double? threshold = null;
        if (request.Query["threshold"].ToString() is { Length: > 0 } t)
        {
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
            {
                threshold = x;
            }
            else
            {
                errors["threshold"] = [$"'{t}' is not a finite number."];
            }
        }

        var higherIsWorse = framework.Definition.HigherIsWorse;
        if (request.Query["higherIsWorse"].ToString() is { Length: > 0 } h)
        {
            if (!bool.TryParse(h, out higherIsWorse))
            {
                errors["higherIsWorse"] = [$"'{h}' is not true or false."];
            }
        }

        ReferencePeriod? period = null;
        if (request.Query["period"].ToString() is { Length: > 0 } p)
        {
            if (ReferencePeriod.TryParse(p, out var parsed))
            {
                period = parsed;
            }
            else
            {
                errors["period"] = [$"'{p}' is not a period: use 2019, 2019/20, 2019-03 or 2019-03-31."];
            }
        }

        if (errors.Count > 0)
        {
            throw ApiProblem.BadRequest(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors).ToException();
        }

        var run = await RunAsync(framework, period, cancellationToken);
        var rollup = PlaceRollup.Compute(run, node, level, runtime.ProviderCatalog.Context, higherIsWorse, threshold);
        if (Csv.IsWanted(request))
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            PlaceSummaryCsv.Write(rollup.Places, rollup.Names, text);
            return new TextResult(text.ToString(), StatusCodes.Status200OK, Csv.ContentType);
        }

        return ApiJson.Result(InequalityDocument.From(rollup, by, threshold));
    }

    /// <summary>The framework's run at <paramref name="period"/> (default: its latest), reusing the last one computed.</summary>
    private async Task<FrameworkRun> RunAsync(Framework framework, ReferencePeriod? period, CancellationToken cancellationToken)
    {
        var at = period ?? await runtime.Runner.LatestPeriodAsync(framework, cancellationToken);
        await _computing.WaitAsync(cancellationToken);
        try
        {
            if (_last is not { } last || last.Framework.Id != framework.Id || last.Period != at)
            {
                _last = last = await runtime.Runner.ComputeAsync(framework, at, ct: cancellationToken);
            }

            return last;
        }
        finally
        {
            _computing.Release();
        }
    }

    internal static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiOperations.Pattern(Route), (HttpRequest request, string id, GetInequality operation, string? by, string? node, string? threshold,
                    string? higherIsWorse, string? period, CancellationToken ct) => operation.HandleAsync(request, id, ct))
            .WithName(Name).Produces<InequalityDocument>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
}
