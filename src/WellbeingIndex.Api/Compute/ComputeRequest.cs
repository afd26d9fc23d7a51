using System.Globalization;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Uncertainty;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Compute;

/// <summary>
/// The body of <c>POST /api/frameworks/{id}/compute</c> (wire shape: <see cref="ComputeRequestBody"/>), validated. Parsed
/// by hand, like definitions, so every wrong field is reported at once under its own name (<c>period</c>,
/// <c>weights.income</c>, <c>nodes.housing.aggregate.method</c>). Method blocks are read by the definition reader
/// (Newtonsoft.Json, which reports JSON paths), the same code that reads them in definition files.
/// </summary>
public sealed record ComputeRequest
{
    private static readonly string[] Properties = ComputeRequestBody.FieldNames<ComputeRequestBody>();
    private static readonly string[] UncertaintyProperties = ComputeRequestBody.FieldNames<ComputeRequestBody.UncertaintyRequest>();
    private static readonly string[] NodeProperties = ComputeRequestBody.FieldNames<ComputeRequestBody.NodeChanges>();

    /// <summary>Null means the framework's latest period.</summary>
    public ReferencePeriod? Period { get; init; }

    /// <summary>First period of a range (the answer is then a series); null when not given.</summary>
    public ReferencePeriod? From { get; init; }

    /// <summary>Last period of a range; null when not given.</summary>
    public ReferencePeriod? To { get; init; }

    /// <summary>True when <see cref="From"/> or <see cref="To"/> was given.</summary>
    public bool IsRange => From is not null || To is not null;

    /// <summary>Null means every area of the framework.</summary>
    public IReadOnlyList<string>? Areas { get; init; }

    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();

    /// <summary>Normalisation for every indicator (unless <see cref="Nodes"/> says otherwise).</summary>
    public MethodSpec? Normalise { get; init; }

    /// <summary>Aggregation for every aggregate (unless <see cref="Nodes"/> says otherwise).</summary>
    public MethodSpec? Aggregate { get; init; }

    public IReadOnlyDictionary<string, NodeOverride> Nodes { get; init; } = new Dictionary<string, NodeOverride>();

    /// <summary>A rank-uncertainty analysis to run on the result; null for none (it costs one recomputation per run).</summary>
    public UncertaintyOptions? Uncertainty { get; init; }

    /// <summary>The request fields that shape the computation, in request order (for naming them in a 422).</summary>
    public IReadOnlyList<string> GivenFields { get; init; } = [];

    /// <summary>True when the request changes the definition (the result is then a what-if, not the published index).</summary>
    public bool IsWhatIf => Weights.Count > 0 || Normalise is not null || Aggregate is not null || Nodes.Count > 0;

    /// <summary>Parses a request body; throws an <see cref="ApiException"/> (400) listing every bad field.</summary>
    public static ComputeRequest Parse(JObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new RequestErrors();

        foreach (var p in body.Properties().Where(p => !Properties.Contains(p.Name)))
        {
            errors.Add(p.Name, $"unknown property '{p.Name}'; expected one of {string.Join(", ", Properties)}.");
        }

        var request = new ComputeRequest
        {
            Period = ReadPeriod(body, "period", errors.Add),
            From = ReadPeriod(body, "from", errors.Add),
            To = ReadPeriod(body, "to", errors.Add),
            Areas = ReadAreas(body, errors.Add),
            Weights = ReadWeights(body, errors.Add),
            Normalise = ReadMethod(body["normalise"], "normalise", errors.Add),
            Aggregate = ReadMethod(body["aggregate"], "aggregate", errors.Add),
            Nodes = ReadNodes(body, errors.Add),
            Uncertainty = ReadUncertainty(body, errors.Add),
            GivenFields = body.Properties().Where(p => p.Value.Type != JTokenType.Null && Properties.Contains(p.Name)).Select(p => p.Name).ToList(),
        };

        if (request.IsRange && request.Period is not null)
        {
            errors.Add("period", "give either period or from/to, not both.");
        }

        if (request.IsRange && request.Uncertainty is not null)
        {
            errors.Add("uncertainty", "is available for one period only, not over from/to.");
        }

        if (request is { From: { } f, To: { } t } && (f.Kind != t.Kind || f.CompareTo(t) > 0))
        {
            errors.Add(f.Kind != t.Kind ? "to" : "from", f.Kind != t.Kind ? $"{t} is not the same kind of period as from ({f})." : $"{f} is after to ({t}).");
        }

        errors.ThrowIfAny();

        return request;
    }

    internal static ApiProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        ApiProblem.BadRequest(
            string.Join(" ", errors.Take(ApiProblem.MaxListedErrors).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            errors);

    private static ReferencePeriod? ReadPeriod(JObject body, string field, Action<string, string> add)
    {
        if (body[field] is not { Type: not JTokenType.Null } token)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            add(field, $"must be a string such as \"2022\", got {Describe(token)}.");
            return null;
        }

        if (ReferencePeriod.TryParse(token.Value<string>(), out var period))
        {
            return period;
        }

        add(field, $"'{token}' is not a period: use 2019, 2019/20 (financial year), 2019-03 (month) or 2019-03-31 (day).");
        return null;
    }

    private static List<string>? ReadAreas(JObject body, Action<string, string> add)
    {
        if (body["areas"] is not { Type: not JTokenType.Null } token)
        {
            return null;
        }

        if (token is not JArray array)
        {
            add("areas", $"must be an array of area codes, got {Describe(token)}.");
            return null;
        }

        if (array.Count == 0)
        {
            add("areas", "must list at least one area code, or be left out for every area.");
            return null;
        }

        var areas = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i].Type != JTokenType.String || string.IsNullOrWhiteSpace(array[i].Value<string>()))
            {
                add($"areas[{i}]", $"must be an area code such as \"E09000001\", got {Describe(array[i])}.");
                continue;
            }

            var code = array[i].Value<string>()!.Trim();
            if (!seen.Add(code))
            {
                add($"areas[{i}]", $"'{code}' is listed twice.");
                continue;
            }

            areas.Add(code);
        }

        return areas;
    }

    private static Dictionary<string, double> ReadWeights(JObject body, Action<string, string> add)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (body["weights"] is not { Type: not JTokenType.Null } token)
        {
            return weights;
        }

        if (token is not JObject o)
        {
            add("weights", $"must be an object of node code to weight, such as {{\"income\": 2}}, got {Describe(token)}.");
            return weights;
        }

        foreach (var p in o.Properties())
        {
            if (Number(p.Value) is { } w)
            {
                weights[p.Name] = w;
            }
            else
            {
                add($"weights.{p.Name}", $"must be a number, got {Describe(p.Value)}.");
            }
        }

        return weights;
    }

    private static Dictionary<string, NodeOverride> ReadNodes(JObject body, Action<string, string> add)
    {
        var nodes = new Dictionary<string, NodeOverride>(StringComparer.Ordinal);
        if (body["nodes"] is not { Type: not JTokenType.Null } token)
        {
            return nodes;
        }

        if (token is not JObject o)
        {
            add("nodes", $"must be an object of node code to changes, such as {{\"housing\": {{\"weight\": 2}}}}, got {Describe(token)}.");
            return nodes;
        }

        foreach (var p in o.Properties())
        {
            var path = $"nodes.{p.Name}";
            if (p.Value is not JObject node)
            {
                add(path, $"must be an object with weight, normalise or aggregate, got {Describe(p.Value)}.");
                continue;
            }

            foreach (var unknown in node.Properties().Where(q => !NodeProperties.Contains(q.Name)))
            {
                add($"{path}.{unknown.Name}", $"unknown property; expected one of {string.Join(", ", NodeProperties)}.");
            }

            double? weight = null;
            if (node["weight"] is { Type: not JTokenType.Null } w)
            {
                weight = Number(w);
                if (weight is null)
                {
                    add($"{path}.weight", $"must be a number, got {Describe(w)}.");
                }
            }

            nodes[p.Name] = new NodeOverride(weight, ReadMethod(node["normalise"], $"{path}.normalise", add),
                ReadMethod(node["aggregate"], $"{path}.aggregate", add));
        }

        return nodes;
    }

    private static UncertaintyOptions? ReadUncertainty(JObject body, Action<string, string> add)
    {
        if (body["uncertainty"] is not { Type: not JTokenType.Null } token)
        {
            return null;
        }

        if (token is not JObject o)
        {
            add("uncertainty", $"must be an object such as {{\"runs\": 200, \"weightNoise\": 0.25}}, got {Describe(token)}.");
            return null;
        }

        foreach (var unknown in o.Properties().Where(q => !UncertaintyProperties.Contains(q.Name)))
        {
            add($"uncertainty.{unknown.Name}", $"unknown property; expected one of {string.Join(", ", UncertaintyProperties)}.");
        }

        var options = new UncertaintyOptions();
        var valid = true;
        int? Whole(string name)
        {
            if (o[name] is not { Type: not JTokenType.Null } t)
            {
                return null;
            }

            if (t.Type == JTokenType.Integer && IndexDefinitionJson.TryReadNumber(t, out var whole) && whole is >= int.MinValue and <= int.MaxValue)
            {
                return (int)whole;
            }

            add($"uncertainty.{name}", $"must be a whole number, got {Describe(t)}.");
            valid = false;
            return null;
        }

        if (Whole("runs") is { } runs) options = options with { Runs = runs };
        if (Whole("seed") is { } seed) options = options with { Seed = seed };
        if (o["weightNoise"] is { Type: not JTokenType.Null } noise)
        {
            if (Number(noise) is { } n)
            {
                options = options with { WeightNoise = n };
            }
            else
            {
                add("uncertainty.weightNoise", $"must be a number, got {Describe(noise)}.");
                valid = false;
            }
        }

        if (options.Runs is < 2 or > MaxUncertaintyRuns)
        {
            add("uncertainty.runs", $"must be between 2 and {MaxUncertaintyRuns} (each run recomputes the index), got {options.Runs}.");
            valid = false;
        }

        if (!(options.WeightNoise is >= 0 and < 1))
        {
            add("uncertainty.weightNoise", $"must be at least 0 and below 1, got {options.WeightNoise.ToString(CultureInfo.InvariantCulture)}.");
            valid = false;
        }

        return valid ? options : null;
    }

    /// <summary>The most runs one request may ask for: 2,000 runs of the 33 boroughs take about a second.</summary>
    public const int MaxUncertaintyRuns = 2000;

    private static MethodSpec? ReadMethod(JToken? token, string path, Action<string, string> add)
    {
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        var problems = new List<DefinitionProblem>();
        var spec = IndexDefinitionJson.ReadMethod(token, path, problems);
        foreach (var problem in problems)
        {
            add(problem.Path, problem.Message);
        }

        return problems.Count == 0 ? spec : null;
    }

    private static double? Number(JToken token) =>
        IndexDefinitionJson.TryReadNumber(token, out var value) ? value : null;

    private static string Describe(JToken t) => t.Type switch
    {
        JTokenType.String => $"the string \"{ApiProblem.Echo(t.ToString())}\"",
        JTokenType.Integer or JTokenType.Float => string.Create(CultureInfo.InvariantCulture, $"the number {t}"),
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => t.Type.ToString().ToLowerInvariant(),
    };
}
