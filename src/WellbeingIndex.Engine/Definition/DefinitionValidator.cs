using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Analysis;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Definition;

/// <summary>Every semantic check of a definition, each problem reported at its JSON path.</summary>
internal static class DefinitionValidator
{
    public static List<DefinitionProblem> Validate(string id, IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<StepDefinition> steps,
        IReadOnlyList<LevelDefinition> levels, double minCoverage, MethodRegistry registry)
    {
        var problems = new List<DefinitionProblem>();
        void Add(string path, string message) => problems.Add(new DefinitionProblem(path, message));

        if (string.IsNullOrWhiteSpace(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            Add("$.id", $"'{id}' must be non-empty letters, digits, '-', '_' or '.'.");
        }

        if (!(minCoverage is >= 0 and <= 1))
        {
            Add("$.minCoverage", Fmt($"must be between 0 and 1, got {minCoverage}."));
        }

        ValidateSteps(steps, registry, Add);

        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Level < 2)
            {
                Add($"$.levels[{i}].level", $"must be 2 or more (level 1 is the indicators), got {level.Level}.");
            }

            if (levels.Take(i).Any(l => l.Level == level.Level))
            {
                Add($"$.levels[{i}].level", $"level {level.Level} is defined twice.");
            }

            CheckMethod<IAggregator>(level.Aggregate, $"$.levels[{i}].aggregate", registry, Add);
        }

        ValidateNodes(nodes, registry, Add);
        var denominateAt = steps.ToList().FindIndex(s => s.Step == StepNames.Denominate);
        if (denominateAt >= 0 && !nodes.Any(n => n.Denominator is not null))
        {
            Add($"$.steps[{denominateAt}].step", "no indicator names a denominator, so the denominate step would do nothing.");
        }

        if (!steps.Any(s => s.Step == StepNames.Normalise))
        {
            // Direction and per-indicator normalisation are applied by the normalise step; without it they would be ignored.
            for (var i = 0; i < nodes.Count; i++)
            {
                if (nodes[i].Type == NodeType.Indicator && nodes[i].Direction == -1)
                {
                    Add($"$.nodes[{i}].direction", "a lower-is-better indicator needs a normalise step: direction is applied by normalisation.");
                }

                if (nodes[i].Normalise is not null)
                {
                    Add($"$.nodes[{i}].normalise", "there is no normalise step for this override to change.");
                }
            }
        }

        return problems;
    }

    /// <summary>The <c>time</c> block: base required with (and only with) base-period, periods parseable, from ≤ base ≤ to.</summary>
    public static List<DefinitionProblem> ValidateTime(TimeDefinition? time)
    {
        var problems = new List<DefinitionProblem>();
        if (time is null)
        {
            return problems;
        }

        void Add(string path, string message) => problems.Add(new DefinitionProblem(path, message));
        ReferencePeriod? Period(string? text, string name)
        {
            if (text is null) return null;
            if (ReferencePeriod.TryParse(text, out var p)) return p;
            Add($"$.time.{name}", $"'{text}' is not a period: use 2019, 2019/20 (financial year), 2019-03 (month) or 2019-03-31 (day).");
            return null;
        }

        var b = Period(time.Base, "base");
        var from = Period(time.From, "from");
        var to = Period(time.To, "to");
        if (time.Mode == TimeMode.BasePeriod && time.Base is null)
        {
            Add("$.time.base", "is required when mode is base-period.");
        }

        if (time.Mode != TimeMode.BasePeriod && time.Base is not null)
        {
            Add("$.time.base", $"applies to mode base-period only (mode is {TimeDefinition.ModeName(time.Mode)}).");
        }

        if (time.Mode != TimeMode.BasePeriod && time.BaseWeights is not null)
        {
            Add("$.time.baseWeights", $"applies to mode base-period only (mode is {TimeDefinition.ModeName(time.Mode)}).");
        }

        if (time.BaseWeights is { } w && string.IsNullOrWhiteSpace(w))
        {
            Add("$.time.baseWeights", "must name a data column.");
        }

        if (from is { } f && to is { } t && f > t)
        {
            Add("$.time.to", $"'{time.To}' is before from '{time.From}'.");
        }

        if (b is { } bp && ((from is { } f2 && bp < f2) || (to is { } t2 && bp > t2)))
        {
            Add("$.time.base", $"'{time.Base}' is outside the series' periods {time.From ?? "..."} to {time.To ?? "..."}.");
        }

        return problems;
    }

    private static void ValidateSteps(IReadOnlyList<StepDefinition> steps, MethodRegistry registry, Action<string, string> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = $"$.steps[{i}]";
            if (!StepNames.Ordered.Contains(step.Step))
            {
                add($"{path}.step", $"unknown step '{step.Step}'; use one of {string.Join(", ", StepNames.Ordered)}.");
                continue;
            }

            if (!seen.Add(step.Step))
            {
                add($"{path}.step", $"step '{step.Step}' appears twice.");
            }

            switch (step.Step)
            {
                case StepNames.Denominate:
                    foreach (var name in step.Method.Numbers.Keys.Concat(step.Method.Texts.Keys))
                    {
                        add($"{path}.{name}", "unknown parameter; the denominate step takes none (each indicator names its denominator).");
                    }

                    break;
                case StepNames.Screen:
                    foreach (var problem in Pipeline.Screening.Validate(step.Method))
                    {
                        add($"{path}.{problem.Parameter}", problem.Message);
                    }

                    break;
                case StepNames.Impute: CheckMethod<IImputer>(step.Method, path, registry, add); break;
                case StepNames.Treat: CheckMethod<ITreatment>(step.Method, path, registry, add); break;
                case StepNames.Normalise: CheckMethod<INormaliser>(step.Method, path, registry, add); break;
                case StepNames.Aggregate: CheckMethod<IAggregator>(step.Method, path, registry, add); break;
            }
        }

        var aggregateAt = steps.ToList().FindIndex(s => s.Step == StepNames.Aggregate);
        if (aggregateAt < 0)
        {
            add("$.steps", "an 'aggregate' step is required.");
        }
        else if (aggregateAt != steps.Count - 1)
        {
            add($"$.steps[{aggregateAt}].step", "'aggregate' must be the last step: it consumes the indicator table the other steps produce.");
        }
    }

    private static void ValidateNodes(IReadOnlyList<NodeDefinition> nodes, MethodRegistry registry, Action<string, string> add)
    {
        if (nodes.Count == 0)
        {
            add("$.nodes", "at least one indicator and one aggregate are required.");
            return;
        }

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            var path = $"$.nodes[{i}]";
            if (string.IsNullOrWhiteSpace(n.Code) || !n.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                add($"{path}.code", $"'{n.Code}' must be non-empty letters, digits, '-', '_' or '.'.");
            }
            else if (!firstIndex.TryAdd(n.Code, i))
            {
                add($"{path}.code", $"'{n.Code}' is already used by $.nodes[{firstIndex[n.Code]}].");
            }

            if (!double.IsFinite(n.Weight) || n.Weight <= 0)
            {
                add($"{path}.weight", Fmt($"must be a positive number, got {n.Weight}."));
            }

            if (n.MinCoverage is { } mc && !(mc is >= 0 and <= 1))
            {
                add($"{path}.minCoverage", Fmt($"must be between 0 and 1, got {mc}."));
            }

            if (n.Type == NodeType.Indicator)
            {
                if (n.Direction is not (1 or -1))
                {
                    add($"{path}.direction", $"must be 1 (higher is better) or -1 (lower is better), got {n.Direction}.");
                }

                if (n.Aggregate is not null)
                {
                    add($"{path}.aggregate", "an indicator has no children to aggregate.");
                }

                if (n.MinCoverage is not null)
                {
                    add($"{path}.minCoverage", "applies to aggregates only.");
                }

                if (n.Parent is null)
                {
                    add($"{path}.parent", "an indicator must have a parent aggregate.");
                }

                if (n.Weighting is not null)
                {
                    add($"{path}.weighting", "weighting applies to aggregates (it weights their children).");
                }

                if (n.Denominator is { } den && string.IsNullOrWhiteSpace(den))
                {
                    add($"{path}.denominator", "must name a data column.");
                }

                CheckMethod<ITransform>(n.Transform, $"{path}.transform", registry, add);
                CheckMethod<ITreatment>(n.Treat, $"{path}.treat", registry, add);
                CheckMethod<INormaliser>(n.Normalise, $"{path}.normalise", registry, add);
            }
            else
            {
                if (n.Transform is not null)
                {
                    add($"{path}.transform", "transforms apply to indicators only.");
                }

                if (n.Normalise is not null)
                {
                    add($"{path}.normalise", "normalisation applies to indicators only.");
                }

                if (n.Treat is not null)
                {
                    add($"{path}.treat", "treatment applies to indicators only.");
                }

                if (n.Provider is not null)
                {
                    add($"{path}.provider", "only indicators come from providers.");
                }

                if (n.Denominator is not null)
                {
                    add($"{path}.denominator", "only indicators are denominated.");
                }

                if (n.Weighting is not null)
                {
                    foreach (var problem in Weighting.Validate(n.Weighting, nodes.Where(c => c.Parent == n.Code).Select(c => c.Code).ToList()))
                    {
                        add(problem.Parameter is null ? $"{path}.weighting.method" : $"{path}.weighting.{problem.Parameter}", problem.Message);
                    }
                }

                CheckMethod<IAggregator>(n.Aggregate, $"{path}.aggregate", registry, add);
            }
        }

        var roots = nodes.Select((n, i) => (n, i)).Where(x => x.n.Parent is null).ToList();
        if (roots.Count == 0)
        {
            add("$.nodes", "no node without a parent: one aggregate must be the index (parent null).");
        }
        else if (roots.Count > 1)
        {
            foreach (var (n, i) in roots.Skip(1))
            {
                add($"$.nodes[{i}].parent", $"'{n.Code}' has no parent, but '{roots[0].n.Code}' is already the index; only one root is allowed.");
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var parent = nodes[i].Parent;
            if (parent is null)
            {
                continue;
            }

            if (!firstIndex.TryGetValue(parent, out var p))
            {
                add($"$.nodes[{i}].parent", $"unknown parent '{parent}'.");
            }
            else if (nodes[p].Type != NodeType.Aggregate)
            {
                add($"$.nodes[{i}].parent", $"parent '{parent}' is an indicator; only aggregates have children.");
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Type == NodeType.Aggregate && !nodes.Any(c => c.Parent == nodes[i].Code))
            {
                add($"$.nodes[{i}]", $"aggregate '{nodes[i].Code}' has no children.");
            }
        }

        // Cycles: follow parents from each node; a walk longer than the node count has looped.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var seen = new List<string> { nodes[i].Code };
            var current = nodes[i].Parent;
            while (current is not null && firstIndex.TryGetValue(current, out var idx))
            {
                if (seen.Contains(current))
                {
                    var cycle = seen.SkipWhile(c => c != current).Append(current).ToList();
                    if (reported.Add(string.Join(">", cycle.Order(StringComparer.Ordinal))))
                    {
                        add($"$.nodes[{firstIndex[current]}].parent", $"cycle: {string.Join(" -> ", cycle)}.");
                    }

                    break;
                }

                seen.Add(current);
                current = nodes[idx].Parent;
            }
        }
    }

    private static void CheckMethod<T>(MethodSpec? spec, string path, MethodRegistry registry, Action<string, string> add)
        where T : class, IMethod
    {
        if (spec is null)
        {
            return;
        }

        if (!registry.TryGet<T>(spec.Method, out var method))
        {
            add($"{path}.method", $"unknown {MethodRegistry.StepOf(typeof(T))} method '{spec.Method}'; known: {string.Join(", ", registry.Names<T>())}.");
            return;
        }

        foreach (var problem in method.Validate(spec))
        {
            add(problem.Parameter is null ? $"{path}.method" : $"{path}.{problem.Parameter}", problem.Message);
        }
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
