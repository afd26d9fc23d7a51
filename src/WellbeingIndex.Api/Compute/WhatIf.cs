using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Compute;

/// <summary>
/// Builds the variant definition a what-if request describes. The engine validates the variant; its problems, which
/// name definition paths (<c>$.nodes[3].weight</c>), are translated back to the request fields that caused them
/// (<c>weights.income</c>), because the client never sent a definition.
/// </summary>
public static class WhatIf
{
    /// <summary>
    /// The variant of <paramref name="definition"/>: weights replaced; a top-level normalise/aggregate method becomes
    /// the method of every indicator/aggregate (replacing step, level and node defaults); <c>nodes</c> entries win.
    /// </summary>
    public static IndexDefinition Apply(IndexDefinition definition, ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsWhatIf)
        {
            return definition;
        }

        var errors = new RequestErrors();

        var known = string.Join(", ", definition.Nodes.Select(n => n.Code));
        foreach (var code in request.Weights.Keys.Where(c => !definition.Contains(c)))
        {
            errors.Add($"weights.{code}", $"'{code}' is not a node of '{definition.Id}'; known: {known}.");
        }

        foreach (var (code, change) in request.Nodes)
        {
            if (!definition.Contains(code))
            {
                errors.Add($"nodes.{code}", $"'{code}' is not a node of '{definition.Id}'; known: {known}.");
            }
            else if (change.Weight is not null && request.Weights.ContainsKey(code))
            {
                errors.Add($"nodes.{code}.weight", $"conflicts with weights.{code}; give the weight once.");
            }
        }

        var root = definition.Root.Code;
        if (request.Weights.ContainsKey(root))
        {
            errors.Add($"weights.{root}", $"'{root}' is the index itself: weights are relative to siblings, and the index has none.");
        }

        errors.ThrowIfAny();

        // Definition path prefix -> request field, longest first when translating.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<NodeDefinition>(definition.Nodes.Length);
        for (var i = 0; i < definition.Nodes.Length; i++)
        {
            var node = definition.Nodes[i];
            var change = request.Nodes.GetValueOrDefault(node.Code);
            var path = $"$.nodes[{i}]";
            if (request.Weights.TryGetValue(node.Code, out var w))
            {
                node = node with { Weight = w };
                fields[$"{path}.weight"] = $"weights.{node.Code}";
            }
            else if (change?.Weight is { } nw)
            {
                node = node with { Weight = nw };
                fields[$"{path}.weight"] = $"nodes.{node.Code}.weight";
            }

            if (change?.Normalise is { } normalise)
            {
                node = node with { Normalise = normalise };
                fields[$"{path}.normalise"] = $"nodes.{node.Code}.normalise";
            }
            else if (request.Normalise is not null)
            {
                node = node with { Normalise = null };
            }

            if (change?.Aggregate is { } aggregate)
            {
                node = node with { Aggregate = aggregate };
                fields[$"{path}.aggregate"] = $"nodes.{node.Code}.aggregate";
            }
            else if (request.Aggregate is not null)
            {
                node = node with { Aggregate = null };
            }

            nodes.Add(node);
        }

        var steps = definition.Steps.ToList();
        SetStep(steps, StepNames.Normalise, request.Normalise, "normalise", fields);
        SetStep(steps, StepNames.Aggregate, request.Aggregate, "aggregate", fields);
        var levels = request.Aggregate is null
            ? (IReadOnlyList<LevelDefinition>)definition.Levels
            : definition.Levels.Select(l => l with { Aggregate = null }).ToList();

        try
        {
            return definition.With(nodes, steps, levels);
        }
        catch (DefinitionException e)
        {
            var byField = e.Problems
                .GroupBy(p => FieldOf(p.Path, fields), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
            throw ComputeRequest.Invalid(byField).ToException();
        }
    }

    private static void SetStep(List<StepDefinition> steps, string step, MethodSpec? method, string field, Dictionary<string, string> fields)
    {
        if (method is null)
        {
            return;
        }

        var at = steps.FindIndex(s => s.Step == step);
        if (at >= 0)
        {
            steps[at] = steps[at] with { Method = method };
        }
        else
        {
            // Insert in recipe order: after every step that comes before it.
            var rank = StepNames.Ordered.ToList().IndexOf(step);
            at = steps.FindIndex(s => StepNames.Ordered.ToList().IndexOf(s.Step) > rank);
            at = at < 0 ? steps.Count : at;
            steps.Insert(at, new StepDefinition(step, method));
        }

        fields[$"$.steps[{at}]"] = field;
    }

    private static string FieldOf(string path, Dictionary<string, string> fields)
    {
        foreach (var (prefix, field) in fields.OrderByDescending(f => f.Key.Length))
        {
            if (path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return field + path[prefix.Length..];
            }
        }

        return "definition" + path.TrimStart('$');
    }
}
