using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Api.Jobs;

/// <summary>
/// The body of <c>POST /api/frameworks/{id}/sensitivity</c> (wire shape: <see cref="SensitivityRequestBody"/>),
/// validated: its recipe fields read by <see cref="ComputeRequest"/>, its analysis fields here, every wrong field
/// reported at once under its own name.
/// </summary>
public sealed record SensitivityRequest
{
    /// <summary>The most bootstrap resamples a job may ask for.</summary>
    public const int MaxBootstrap = 10_000;

    /// <summary>The most runs a job may ask for (the engine's own limit).</summary>
    public const int MaxRuns = 100_000;

    private static readonly string[] Properties = ComputeRequestBody.FieldNames<SensitivityRequestBody>();
    private static readonly string[] RecipeProperties = ["period", "areas", "weights", "normalise", "aggregate", "nodes"];

    /// <summary>The recipe: period, areas and what-if changes.</summary>
    public required ComputeRequest Recipe { get; init; }

    /// <summary>The uncertain inputs in the command line's form, parsed against the definition by the operation.</summary>
    public required IReadOnlyList<string> Uncertain { get; init; }

    public int Runs { get; init; } = 500;

    public bool Sobol { get; init; }

    public int Seed { get; init; } = 20261122;

    public int Bootstrap { get; init; } = 1000;

    /// <summary>Parses a request body; throws an <see cref="ApiException"/> (400) listing every bad field.</summary>
    public static SensitivityRequest Parse(JObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new RequestErrors();

        foreach (var p in body.Properties().Where(p => !Properties.Contains(p.Name)))
        {
            errors.Add(p.Name, p.Name switch
            {
                "uncertainty" => "is compute's quick analysis; a job takes uncertain, runs, sobol and seed instead.",
                "from" or "to" => "a sensitivity analysis is of one period: give period.",
                _ => $"unknown property; expected one of {string.Join(", ", Properties)}.",
            });
        }

        var recipe = new JObject(body.Properties().Where(p => RecipeProperties.Contains(p.Name)).Select(p => new JProperty(p.Name, p.Value)));
        ComputeRequest? parsed = null;
        try
        {
            parsed = ComputeRequest.Parse(recipe);
        }
        catch (ApiException e) when (e.Problem.Errors is { } recipeErrors)
        {
            foreach (var (field, messages) in recipeErrors)
            {
                foreach (var message in messages) errors.Add(field, message);
            }
        }

        var uncertain = new List<string>();
        if (body["uncertain"] is not JArray array || array.Count == 0)
        {
            errors.Add("uncertain", "is required: a list such as [\"weights:0.25\", \"aggregate:amean,gmean\"] (the --uncertain values of wellbeing sensitivity).");
        }
        else
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i].Type == JTokenType.String && !string.IsNullOrWhiteSpace(array[i].Value<string>()))
                {
                    uncertain.Add(array[i].Value<string>()!.Trim());
                }
                else
                {
                    errors.Add($"uncertain[{i}]", "must be a string such as \"weights:0.25\" or \"normalise:minmax,zscore\".");
                }
            }
        }

        int? Whole(string name, int min, int max)
        {
            if (body[name] is not { Type: not JTokenType.Null } token)
            {
                return null;
            }

            if (token.Type == JTokenType.Integer && IndexDefinitionJson.TryReadNumber(token, out var n) && n >= min && n <= max)
            {
                return (int)n;
            }

            errors.Add(name, $"must be a whole number from {min} to {max}, got {Describe(token)}.");
            return null;
        }

        var runs = Whole("runs", 2, MaxRuns);
        var seed = Whole("seed", int.MinValue, int.MaxValue);
        var bootstrap = Whole("bootstrap", 0, MaxBootstrap);
        bool? sobol = null;
        if (body["sobol"] is { Type: not JTokenType.Null } s)
        {
            if (s.Type == JTokenType.Boolean)
            {
                sobol = s.Value<bool>();
            }
            else
            {
                errors.Add("sobol", $"must be true or false, got {Describe(s)}.");
            }
        }

        errors.ThrowIfAny();

        var defaults = new SensitivityRequest { Recipe = parsed!, Uncertain = uncertain };
        return defaults with
        {
            Runs = runs ?? defaults.Runs,
            Seed = seed ?? defaults.Seed,
            Bootstrap = bootstrap ?? defaults.Bootstrap,
            Sobol = sobol ?? false,
        };
    }

    private static string Describe(JToken token) => token.Type is JTokenType.Integer or JTokenType.Float
        ? token.ToString(Newtonsoft.Json.Formatting.None)
        : token.Type.ToString().ToLowerInvariant();
}
