using System.Globalization;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>What kind of choice an <see cref="UncertainInput"/> varies.</summary>
public enum UncertainInputKind
{
    /// <summary>The weights of the nodes at one level, each multiplied by a factor uniform in [1 − noise, 1 + noise].</summary>
    Weights,
    /// <summary>The aggregation of every aggregate (step, level and node choices replaced).</summary>
    Aggregate,
    /// <summary>The normalisation of every indicator (step and node choices replaced).</summary>
    Normalise,
    /// <summary>The imputation step (<c>none</c> removes it).</summary>
    Impute,
    /// <summary>The treat step on or off (on = the definition's treat step, or COINr's default winsorisation).</summary>
    Treat,
    /// <summary>Any value of the definition's JSON, addressed by a JSON path such as <c>$.steps[2].winmax</c>.</summary>
    Path,
}

/// <summary>
/// One uncertain input of a sensitivity analysis: a factor drawn uniformly from [0, 1) per run and mapped to a choice
/// (an alternative, equally likely; or a weight perturbation seeded by the draw). Written on the command line as
/// <c>weights:0.25</c> (one input per level), <c>aggregate:amean,gmean</c>, <c>normalise:minmax,zscore(m=100;s=10)</c>,
/// <c>impute:none,mean</c>, <c>treat:on,off</c> or <c>$.steps[2].winmax:3,5</c>.
/// </summary>
public sealed record UncertainInput
{
    private UncertainInput(string name, UncertainInputKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>A short label for tables and plots ("weights L1", "aggregate", "$.steps[2].winmax").</summary>
    public string Name { get; }

    public UncertainInputKind Kind { get; }

    /// <summary>Weights: the level whose nodes' weights vary (1 = the indicators' weights within their groups).</summary>
    public int Level { get; private init; }

    /// <summary>Weights: the relative half-width of the perturbation (0.25 = ±25 %).</summary>
    public double Noise { get; private init; }

    /// <summary>Aggregate, normalise, impute: the methods drawn from.</summary>
    public IReadOnlyList<MethodSpec> Methods { get; private init; } = [];

    /// <summary>Treat: on/off per alternative. Path: the JSON values per alternative.</summary>
    public IReadOnlyList<JToken> Values { get; private init; } = [];

    /// <summary>Path: the JSON path in the definition.</summary>
    public string? JsonPath { get; private init; }

    /// <summary>Number of equally likely alternatives (0 for weights, which vary continuously).</summary>
    public int Alternatives => Kind switch
    {
        UncertainInputKind.Weights => 0,
        UncertainInputKind.Aggregate or UncertainInputKind.Normalise or UncertainInputKind.Impute => Methods.Count,
        _ => Values.Count,
    };

    /// <summary>Whether a change of this input changes the indicator table (so the steps before aggregation rerun).</summary>
    public bool ChangesIndicators => Kind is UncertainInputKind.Normalise or UncertainInputKind.Impute or UncertainInputKind.Treat or UncertainInputKind.Path;

    /// <summary>The alternative a draw <paramref name="u"/> in [0, 1) picks.</summary>
    public int Pick(double u) => Math.Min((int)(u * Alternatives), Alternatives - 1);

    /// <summary>The weights of the nodes at <paramref name="level"/> perturbed by ±<paramref name="noise"/>.</summary>
    public static UncertainInput Weights(int level, double noise)
    {
        if (!(noise is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "weight noise must be at least 0 and below 1.");
        }

        return new UncertainInput($"weights L{level.ToString(CultureInfo.InvariantCulture)}", UncertainInputKind.Weights) { Level = level, Noise = noise };
    }

    public static UncertainInput Choice(UncertainInputKind kind, IReadOnlyList<MethodSpec> methods)
    {
        if (kind is not (UncertainInputKind.Aggregate or UncertainInputKind.Normalise or UncertainInputKind.Impute))
        {
            throw new ArgumentException($"{kind} is not a choice of methods.", nameof(kind));
        }

        return methods.Count < 1
            ? throw new ArgumentException($"{kind.ToString().ToLowerInvariant()} needs at least one method.", nameof(methods))
            : new UncertainInput(kind.ToString().ToLowerInvariant(), kind) { Methods = [.. methods] };
    }

    public static UncertainInput TreatOnOff() => new("treat", UncertainInputKind.Treat) { Values = [true, false] };

    public static UncertainInput AtPath(string jsonPath, IReadOnlyList<JToken> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonPath);
        return values.Count < 1
            ? throw new ArgumentException($"{jsonPath} needs at least one value.", nameof(values))
            : new UncertainInput(jsonPath, UncertainInputKind.Path) { JsonPath = jsonPath, Values = [.. values] };
    }

    /// <summary>
    /// Parses the command-line form (see the type's summary); weights expand to one input per level of
    /// <paramref name="definition"/> below the index. Throws <see cref="ArgumentException"/> naming the problem.
    /// </summary>
    public static IReadOnlyList<UncertainInput> Parse(string text, IndexDefinition definition, MethodRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(definition);
        registry ??= MethodRegistry.Default;
        var colon = text.StartsWith('$') ? text.LastIndexOf(':') : text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new ArgumentException($"--uncertain '{text}' must be KIND:VALUES, e.g. weights:0.25, aggregate:amean,gmean, normalise:minmax,zscore, impute:none,mean, treat:on,off or $.steps[1].winmax:3,5.");
        }

        var kind = text[..colon].Trim();
        var values = text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        MethodSpec? Own(string step) => definition.Step(step)?.Method;
        switch (kind.ToLowerInvariant())
        {
            case "weights":
                if (values.Length != 1 || !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var noise) || !(noise is >= 0 and < 1))
                {
                    throw new ArgumentException($"--uncertain '{text}': weights takes one noise share at least 0 and below 1, e.g. weights:0.25.");
                }

                return Enumerable.Range(1, definition.Depth - 1).Select(l => Weights(l, noise)).ToList();
            case "aggregate":
                return [Choice(UncertainInputKind.Aggregate, ParseMethods<IAggregator>(values, registry, text, Own(StepNames.Aggregate)))];
            case "normalise":
                return [Choice(UncertainInputKind.Normalise, ParseMethods<INormaliser>(values, registry, text, Own(StepNames.Normalise)))];
            case "impute":
                return [Choice(UncertainInputKind.Impute, ParseMethods<IImputer>(values, registry, text, Own(StepNames.Impute)))];
            case "treat":
                return values.All(v => v is "on" or "off") && values.Length > 0
                    ? [new UncertainInput("treat", UncertainInputKind.Treat) { Values = values.Select(v => (JToken)(v == "on")).ToList() }]
                    : throw new ArgumentException($"--uncertain '{text}': treat takes on,off.");
            default:
                if (!kind.StartsWith('$'))
                {
                    throw new ArgumentException($"--uncertain '{text}': unknown input '{kind}'; use weights, aggregate, normalise, impute, treat or a JSON path such as $.steps[1].winmax.");
                }

                var json = IndexDefinitionJson.ToJson(definition);
                if (json.SelectToken(kind) is not JValue current)
                {
                    throw new ArgumentException($"--uncertain '{text}': the definition has no value at {kind}.");
                }

                return [AtPath(kind, values.Select(v => Value(v, current)).ToList())];
        }
    }

    /// <summary>The definition with this input's alternative <paramref name="pick"/> applied (indicator-changing inputs only).</summary>
    internal IndexDefinition Apply(IndexDefinition definition, int pick, MethodRegistry registry)
    {
        switch (Kind)
        {
            case UncertainInputKind.Normalise:
                return definition.With(nodes: definition.Nodes.Select(n => n with { Normalise = null }).ToList(),
                    steps: SetStep(definition.Steps, StepNames.Normalise, Methods[pick]), registry: registry);
            case UncertainInputKind.Impute:
                return definition.With(steps: SetStep(definition.Steps, StepNames.Impute, Methods[pick].Method == "none" ? null : Methods[pick]), registry: registry);
            case UncertainInputKind.Treat:
                var on = Values[pick].Value<bool>();
                var treat = definition.Step(StepNames.Treat)?.Method ?? new MethodSpec("winsorise");
                return definition.With(steps: SetStep(definition.Steps, StepNames.Treat, on ? treat : null), registry: registry);
            case UncertainInputKind.Path:
                var json = IndexDefinitionJson.ToJson(definition);
                if (json.SelectToken(JsonPath!) is not JValue token)
                {
                    throw new ArgumentException($"the definition has no value at {JsonPath}.");
                }

                token.Replace(Values[pick].DeepClone());
                return IndexDefinitionJson.Read(json, registry);
            default:
                return definition;
        }
    }

    private static List<StepDefinition> SetStep(IEnumerable<StepDefinition> steps, string step, MethodSpec? spec)
    {
        var list = steps.ToList();
        var at = list.FindIndex(s => s.Step == step);
        if (spec is null)
        {
            if (at >= 0) list.RemoveAt(at);
            return list;
        }

        if (at >= 0)
        {
            list[at] = new StepDefinition(step, spec);
            return list;
        }

        var order = StepNames.Ordered.ToList();
        var insertAt = list.FindIndex(s => order.IndexOf(s.Step) > order.IndexOf(step));
        list.Insert(insertAt < 0 ? list.Count : insertAt, new StepDefinition(step, spec));
        return list;
    }

    /// <summary>
    /// Methods written <c>name</c> or <c>name(k=v;k2=v2)</c>. A bare name that is the definition's own method for
    /// the step keeps the definition's parameters (so <c>minmax</c> after <c>--range 1,100</c> stays 1–100).
    /// </summary>
    private static List<MethodSpec> ParseMethods<T>(string[] names, MethodRegistry registry, string text, MethodSpec? own) where T : class, IMethod
    {
        if (names.Length == 0)
        {
            throw new ArgumentException($"--uncertain '{text}' lists no method.");
        }

        var specs = new List<MethodSpec>();
        foreach (var item in names)
        {
            var open = item.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? item : item[..open]).Trim();
            if (!registry.TryGet<T>(name, out var method))
            {
                throw new ArgumentException($"--uncertain '{text}': unknown {MethodRegistry.StepOf(typeof(T))} method '{name}'; known: {string.Join(", ", registry.Names<T>())}.");
            }

            var spec = new MethodSpec(name);
            if (open >= 0)
            {
                if (!item.EndsWith(')'))
                {
                    throw new ArgumentException($"--uncertain '{text}': '{item}' must be written name(k=v;k2=v2).");
                }

                foreach (var p in item[(open + 1)..^1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = p.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new ArgumentException($"--uncertain '{text}': parameter '{p}' must be NAME=VALUE.");
                    }

                    var value = p[(eq + 1)..].Trim();
                    spec = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? spec.WithNumber(p[..eq].Trim(), number)
                        : spec.WithText(p[..eq].Trim(), value);
                }
            }
            else if (own is not null && own.Method == spec.Method)
            {
                spec = own;
            }

            var problem = method.Validate(spec).FirstOrDefault();
            if (problem is not null)
            {
                throw new ArgumentException($"--uncertain '{text}': {spec}: {problem.Parameter} {problem.Message}");
            }

            specs.Add(spec);
        }

        return specs;
    }

    private static JToken Value(string text, JValue current) => current.Type switch
    {
        JTokenType.Integer or JTokenType.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JTokenType.Boolean when bool.TryParse(text, out var b) => b,
        JTokenType.String => text,
        _ => throw new ArgumentException($"'{text}' is not a {current.Type.ToString().ToLowerInvariant()} like the value it replaces ({current})."),
    };
}
