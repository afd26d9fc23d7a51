using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Definition;

/// <summary>
/// The JSON form of a definition (schema: <c>src/WellbeingIndex.Engine/Definition/index-definition.schema.json</c>).
/// Reading walks the JSON by hand rather than deserialising, so that every problem — a wrong type as much as an
/// unknown parent — is reported at its JSON path, all at once.
/// </summary>
public static class IndexDefinitionJson
{
    private static readonly HashSet<string> RootProperties = ["$schema", "id", "name", "description", "minCoverage", "higherIsWorse", "steps", "levels", "nodes", "time"];
    private static readonly HashSet<string> TimeProperties = ["mode", "base", "baseWeights", "from", "to"];
    private static readonly HashSet<string> NodeProperties =
        ["code", "name", "type", "parent", "weight", "direction", "unit", "denominator", "weighting", "transform", "treat", "normalise", "aggregate", "minCoverage", "provider", "rationale"];
    private static readonly string[] ForceParameters = ["force_in", "force_out"];

    /// <summary>Reads and validates a definition; throws <see cref="DefinitionException"/> listing every problem.</summary>
    public static IndexDefinition Read(string json, MethodRegistry? registry = null)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            token = JToken.ReadFrom(reader);
        }
        catch (JsonReaderException e)
        {
            throw new DefinitionException([new DefinitionProblem(string.IsNullOrEmpty(e.Path) ? "$" : "$." + e.Path, $"not valid JSON: {e.Message}")]);
        }

        return Read(token, registry);
    }

    public static IndexDefinition ReadFile(string path, MethodRegistry? registry = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Definition file not found: {path}", path);
        }

        return Read(File.ReadAllText(path), registry);
    }

    public static IndexDefinition Read(JToken token, MethodRegistry? registry = null)
    {
        registry ??= MethodRegistry.Default;
        var problems = new List<DefinitionProblem>();
        void Add(string path, string message) => problems.Add(new DefinitionProblem(path, message));

        if (token is not JObject root)
        {
            throw new DefinitionException([new DefinitionProblem("$", "a definition must be a JSON object.")]);
        }

        foreach (var p in root.Properties().Where(p => !RootProperties.Contains(p.Name)))
        {
            Add($"$.{p.Name}", $"unknown property; expected one of {string.Join(", ", RootProperties)}.");
        }

        var id = Text(root, "id", "$", Add, required: true) ?? "";
        var name = Text(root, "name", "$", Add);
        var description = Text(root, "description", "$", Add);
        var minCoverage = Number(root, "minCoverage", "$", Add) ?? 0;
        var higherIsWorse = Boolean(root, "higherIsWorse", "$", Add) ?? false;

        var steps = new List<StepDefinition>();
        foreach (var (item, path) in Array(root, "steps", "$", Add, required: true))
        {
            if (item is not JObject o)
            {
                Add(path, "each step must be an object like {\"step\": \"normalise\", \"method\": \"minmax\"}.");
                continue;
            }

            var step = Text(o, "step", path, Add, required: true)?.Trim().ToLowerInvariant();
            var spec = step is StepNames.Denominate or StepNames.Screen
                ? Method(StepObject(o, step, path, Add), path, Add, exclude: "step")
                : Method(o, path, Add, exclude: "step");
            if (step is not null && spec is not null)
            {
                steps.Add(new StepDefinition(step, spec));
            }
        }

        var levels = new List<LevelDefinition>();
        foreach (var (item, path) in Array(root, "levels", "$", Add, required: false))
        {
            if (item is not JObject o)
            {
                Add(path, "each level must be an object like {\"level\": 2, \"name\": \"Domain\"}.");
                continue;
            }

            var level = Number(o, "level", path, Add, required: true);
            if (level is { } l && l != Math.Floor(l))
            {
                Add($"{path}.level", "must be a whole number.");
            }

            levels.Add(new LevelDefinition((int)(level ?? 0), Text(o, "name", path, Add), MethodProperty(o, "aggregate", path, Add)));
        }

        var nodes = new List<NodeDefinition>();
        foreach (var (item, path) in Array(root, "nodes", "$", Add, required: true))
        {
            if (item is not JObject o)
            {
                Add(path, "each node must be an object.");
                continue;
            }

            foreach (var p in o.Properties().Where(p => !NodeProperties.Contains(p.Name)))
            {
                Add($"{path}.{p.Name}", $"unknown property; expected one of {string.Join(", ", NodeProperties)}.");
            }

            var typeText = Text(o, "type", path, Add, required: true);
            NodeType type = NodeType.Indicator;
            if (typeText is not null && !TryParseType(typeText, out type))
            {
                Add($"{path}.type", $"'{typeText}' is not a node type; use 'indicator' or 'aggregate'.");
            }

            var direction = Number(o, "direction", path, Add);
            nodes.Add(new NodeDefinition
            {
                Code = Text(o, "code", path, Add, required: true) ?? "",
                Name = Text(o, "name", path, Add),
                Type = type,
                Parent = Text(o, "parent", path, Add),
                Weight = Number(o, "weight", path, Add) ?? 1,
                Direction = direction is { } d && d == Math.Floor(d) && Math.Abs(d) < 10 ? (int)d : direction is null ? 1 : 0,
                Unit = Text(o, "unit", path, Add),
                Denominator = Text(o, "denominator", path, Add),
                Weighting = MethodProperty(o, "weighting", path, Add),
                Transform = MethodProperty(o, "transform", path, Add),
                Treat = MethodProperty(o, "treat", path, Add),
                Normalise = MethodProperty(o, "normalise", path, Add),
                Aggregate = MethodProperty(o, "aggregate", path, Add),
                MinCoverage = Number(o, "minCoverage", path, Add),
                Provider = Text(o, "provider", path, Add),
                Rationale = Text(o, "rationale", path, Add),
            });
        }

        var time = ReadTime(root, Add);
        if (problems.Count == 0)
        {
            problems.AddRange(DefinitionValidator.Validate(id, nodes, steps, levels, minCoverage, registry));
            problems.AddRange(DefinitionValidator.ValidateTime(time));
        }

        if (problems.Count > 0)
        {
            throw new DefinitionException(problems);
        }

        return new IndexDefinition(id, name, description, minCoverage, steps, levels, nodes, time, higherIsWorse);
    }

    /// <summary>The definition as JSON that <see cref="Read(string, MethodRegistry?)"/> reads back to an equal definition.</summary>
    public static JObject ToJson(IndexDefinition definition)
    {
        var root = new JObject { ["id"] = definition.Id };
        if (definition.Name is not null) root["name"] = definition.Name;
        if (definition.Description is not null) root["description"] = definition.Description;
        if (definition.MinCoverage != 0) root["minCoverage"] = definition.MinCoverage;
        if (definition.HigherIsWorse) root["higherIsWorse"] = true;
        root["steps"] = new JArray(definition.Steps.Select(s =>
        {
            var o = new JObject { ["step"] = s.Step };
            WriteMethod(o, s.Method);
            if (s.Step is StepNames.Denominate or StepNames.Screen)
            {
                // These steps have no method; the screen's forced units are lists.
                o.Remove("method");
                foreach (var f in ForceParameters.Where(o.ContainsKey))
                {
                    o[f] = new JArray(Pipeline.Screening.Codes(s.Method, f));
                }
            }

            return o;
        }));
        if (definition.Levels.Length > 0)
        {
            root["levels"] = new JArray(definition.Levels.Select(l =>
            {
                var o = new JObject { ["level"] = l.Level };
                if (l.Name is not null) o["name"] = l.Name;
                if (l.Aggregate is not null) o["aggregate"] = MethodJson(l.Aggregate);
                return o;
            }));
        }

        root["nodes"] = new JArray(definition.Nodes.Select(n =>
        {
            var o = new JObject { ["code"] = n.Code };
            if (n.Name is not null) o["name"] = n.Name;
            o["type"] = n.Type == NodeType.Indicator ? "indicator" : "aggregate";
            o["parent"] = n.Parent is null ? JValue.CreateNull() : n.Parent;
            o["weight"] = n.Weight;
            if (n.Type == NodeType.Indicator) o["direction"] = n.Direction;
            if (n.Unit is not null) o["unit"] = n.Unit;
            if (n.Denominator is not null) o["denominator"] = n.Denominator;
            if (n.Weighting is not null) o["weighting"] = MethodJson(n.Weighting);
            if (n.Transform is not null) o["transform"] = MethodJson(n.Transform);
            if (n.Treat is not null) o["treat"] = MethodJson(n.Treat);
            if (n.Normalise is not null) o["normalise"] = MethodJson(n.Normalise);
            if (n.Aggregate is not null) o["aggregate"] = MethodJson(n.Aggregate);
            if (n.MinCoverage is not null) o["minCoverage"] = n.MinCoverage;
            if (n.Provider is not null) o["provider"] = n.Provider;
            if (n.Rationale is not null) o["rationale"] = n.Rationale;
            return o;
        }));
        if (definition.Time is { } time)
        {
            var t = new JObject { ["mode"] = TimeDefinition.ModeName(time.Mode) };
            if (time.Base is not null) t["base"] = time.Base;
            if (time.BaseWeights is not null) t["baseWeights"] = time.BaseWeights;
            if (time.From is not null) t["from"] = time.From;
            if (time.To is not null) t["to"] = time.To;
            root["time"] = t;
        }

        return root;
    }

    private static TimeDefinition? ReadTime(JObject root, Action<string, string> add)
    {
        if (!root.TryGetValue("time", out var token) || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token is not JObject o)
        {
            add("$.time", "must be an object like {\"mode\": \"base-period\", \"base\": \"2015\"}.");
            return null;
        }

        foreach (var p in o.Properties().Where(p => !TimeProperties.Contains(p.Name)))
        {
            add($"$.time.{p.Name}", $"unknown property; expected one of {string.Join(", ", TimeProperties)}.");
        }

        var modeText = Text(o, "mode", "$.time", add, required: true);
        if (modeText is null)
        {
            return null;
        }

        if (!TimeDefinition.TryParseMode(modeText, out var mode))
        {
            add("$.time.mode", $"'{modeText}' is not a time mode; use per-period, pooled or base-period.");
            return null;
        }

        return new TimeDefinition(mode, Text(o, "base", "$.time", add), Text(o, "baseWeights", "$.time", add),
            Text(o, "from", "$.time", add), Text(o, "to", "$.time", add));
    }

    /// <summary>
    /// A JSON number as a finite double. Newtonsoft reads an integer beyond 64 bits as a BigInteger, which
    /// <c>Value&lt;double&gt;()</c> cannot convert; every numeric field goes through here so such input is a field error.
    /// </summary>
    public static bool TryReadNumber(JToken token, out double value)
    {
        value = token is JValue { Type: JTokenType.Integer or JTokenType.Float } v
            ? v.Value switch
            {
                // Parsed from its digits: the BigInteger-to-double cast is not correctly rounded (10^30 → 9.9999999999999988e29).
                System.Numerics.BigInteger big => double.Parse(big.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                _ => double.NaN,
            }
            : double.NaN;
        return double.IsFinite(value);
    }

    /// <summary>Reads a method object such as <c>{"method": "minmax", "l": 0}</c>; used for what-if overrides too.</summary>
    public static MethodSpec? ReadMethod(JToken token, string path, List<DefinitionProblem> problems)
    {
        if (token is not JObject o)
        {
            problems.Add(new DefinitionProblem(path, "must be an object like {\"method\": \"minmax\"}."));
            return null;
        }

        return Method(o, path, (p, m) => problems.Add(new DefinitionProblem(p, m)));
    }

    public static JObject MethodJson(MethodSpec spec)
    {
        var o = new JObject();
        WriteMethod(o, spec);
        return o;
    }

    private static void WriteMethod(JObject o, MethodSpec spec)
    {
        o["method"] = spec.Method;
        foreach (var (k, v) in spec.Numbers) o[k] = v;
        foreach (var (k, v) in spec.Texts) o[k] = v;
    }

    /// <summary>
    /// A denominate or screen step as a method object: the step's name is its method (they have no alternatives) and
    /// the screen's force_in/force_out lists of unit codes become comma-separated texts.
    /// </summary>
    private static JObject StepObject(JObject o, string step, string path, Action<string, string> add)
    {
        var copy = (JObject)o.DeepClone();
        if (copy.ContainsKey("method"))
        {
            add($"{path}.method", $"the {step} step has no method to choose{(step == StepNames.Screen ? "; use unit_screen" : "")}.");
        }

        copy["method"] = step;
        foreach (var f in ForceParameters)
        {
            if (copy[f] is not JArray list)
            {
                continue;
            }

            if (list.Any(t => t.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)t) || ((string)t!).Contains(',', StringComparison.Ordinal)))
            {
                add($"{path}.{f}", "must be an array of unit codes (strings without commas).");
                copy.Remove(f);
                continue;
            }

            copy[f] = string.Join(",", list.Select(t => ((string)t!).Trim()));
        }

        return copy;
    }

    private static bool TryParseType(string text, out NodeType type)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "indicator": type = NodeType.Indicator; return true;
            case "aggregate": type = NodeType.Aggregate; return true;
            default: type = NodeType.Indicator; return false;
        }
    }

    private static MethodSpec? MethodProperty(JObject o, string name, string path, Action<string, string> add)
    {
        if (!o.TryGetValue(name, out var t) || t.Type == JTokenType.Null)
        {
            return null;
        }

        if (t is not JObject m)
        {
            add($"{path}.{name}", "must be an object like {\"method\": \"...\"}.");
            return null;
        }

        return Method(m, $"{path}.{name}", add);
    }

    private static MethodSpec? Method(JObject o, string path, Action<string, string> add, string? exclude = null)
    {
        var method = Text(o, "method", path, add, required: true);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in o.Properties())
        {
            if (p.Name == "method" || p.Name == exclude)
            {
                continue;
            }

            switch (p.Value.Type)
            {
                case JTokenType.Integer or JTokenType.Float when TryReadNumber(p.Value, out var number):
                    numbers[p.Name] = number;
                    break;
                case JTokenType.Integer or JTokenType.Float:
                    add($"{path}.{p.Name}", $"must be a finite number, got {Describe(p.Value)}.");
                    break;
                case JTokenType.String:
                    texts[p.Name] = p.Value.Value<string>()!;
                    break;
                case JTokenType.Boolean:
                    numbers[p.Name] = p.Value.Value<bool>() ? 1 : 0;
                    break;
                default:
                    add($"{path}.{p.Name}", $"method parameters must be numbers, strings or booleans, got {p.Value.Type}.");
                    break;
            }
        }

        return method is null || string.IsNullOrWhiteSpace(method) ? null : new MethodSpec(method, numbers, texts);
    }

    private static string? Text(JObject o, string name, string path, Action<string, string> add, bool required = false)
    {
        if (!o.TryGetValue(name, out var t) || t.Type == JTokenType.Null)
        {
            if (required)
            {
                add($"{path}.{name}", "is required.");
            }

            return null;
        }

        if (t.Type != JTokenType.String)
        {
            add($"{path}.{name}", $"must be a string, got {Describe(t)}.");
            return null;
        }

        return t.Value<string>();
    }

    private static bool? Boolean(JObject o, string name, string path, Action<string, string> add)
    {
        if (!o.TryGetValue(name, out var t) || t.Type == JTokenType.Null)
        {
            return null;
        }

        if (t.Type != JTokenType.Boolean)
        {
            add($"{path}.{name}", $"must be true or false, got {Describe(t)}.");
            return null;
        }

        return t.Value<bool>();
    }

    private static double? Number(JObject o, string name, string path, Action<string, string> add, bool required = false)
    {
        if (!o.TryGetValue(name, out var t) || t.Type == JTokenType.Null)
        {
            if (required)
            {
                add($"{path}.{name}", "is required.");
            }

            return null;
        }

        if (t.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            add($"{path}.{name}", $"must be a number, got {Describe(t)}.");
            return null;
        }

        if (!TryReadNumber(t, out var value))
        {
            add($"{path}.{name}", $"must be a finite number, got {Describe(t)}.");
            return null;
        }

        return value;
    }

    private static IEnumerable<(JToken Item, string Path)> Array(JObject o, string name, string path, Action<string, string> add, bool required)
    {
        if (!o.TryGetValue(name, out var t) || t.Type == JTokenType.Null)
        {
            if (required)
            {
                add($"{path}.{name}", "is required.");
            }

            return [];
        }

        if (t is not JArray a)
        {
            add($"{path}.{name}", $"must be an array, got {Describe(t)}.");
            return [];
        }

        return a.Select((item, i) => (item, $"{path}.{name}[{i}]"));
    }

    private static string Describe(JToken t) => t.Type switch
    {
        JTokenType.String => $"the string \"{t}\"",
        JTokenType.Integer or JTokenType.Float => string.Create(CultureInfo.InvariantCulture, $"the number {t}"),
        _ => t.Type.ToString().ToLowerInvariant(),
    };
}
