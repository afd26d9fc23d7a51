using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Cli;

/// <summary>The recipe choices given as flags; null means "keep the definition's (or the default) choice".</summary>
internal sealed record RecipeFlags(MethodSpec? Impute, MethodSpec? Treat, MethodSpec? Normalise, MethodSpec? Aggregate, double? MinCoverage)
{
    /// <summary><c>--denominate</c>: add a denominate step (first, as in COINr's example build).</summary>
    public bool Denominate { get; init; }

    /// <summary><c>--screen</c>: the screen step (after imputation, as in COINr's example build).</summary>
    public MethodSpec? Screen { get; init; }

    private MethodSpec? DenominateSpec => Denominate ? new MethodSpec(StepNames.Denominate) : null;

    /// <summary>
    /// The steps for a COINr iData/iMeta pair, in COINr's example-build order (denominate, impute, screen, treat,
    /// normalise, aggregate): min-max 0–100 and arithmetic mean unless flags say otherwise.
    /// </summary>
    public IReadOnlyList<StepDefinition> Steps()
    {
        var steps = new List<StepDefinition>();
        if (DenominateSpec is { } d) steps.Add(new StepDefinition(StepNames.Denominate, d));
        if (Impute is not null && Impute.Method != "none") steps.Add(new StepDefinition(StepNames.Impute, Impute));
        if (Screen is not null) steps.Add(new StepDefinition(StepNames.Screen, Screen));
        if (Treat is not null && Treat.Method != "none") steps.Add(new StepDefinition(StepNames.Treat, Treat));
        steps.Add(new StepDefinition(StepNames.Normalise, Normalise ?? MethodSpec.Of("minmax", ("l", 0), ("u", 100))));
        steps.Add(new StepDefinition(StepNames.Aggregate, Aggregate ?? new MethodSpec("amean")));
        return steps;
    }

    /// <summary>
    /// The definition with the flagged steps replaced (or inserted in recipe order). A flagged aggregation also replaces
    /// the per-level defaults, so "--aggregate gmean" means geometric mean at every level.
    /// </summary>
    public IndexDefinition ApplyTo(IndexDefinition definition)
    {
        if (this is { Impute: null, Treat: null, Normalise: null, Aggregate: null, MinCoverage: null, Denominate: false, Screen: null })
        {
            return definition;
        }

        var steps = definition.Steps.ToList();
        Replace(steps, StepNames.Denominate, DenominateSpec);
        Replace(steps, StepNames.Impute, Impute);
        Replace(steps, StepNames.Screen, Screen);
        Replace(steps, StepNames.Treat, Treat);
        Replace(steps, StepNames.Normalise, Normalise);
        Replace(steps, StepNames.Aggregate, Aggregate);
        var levels = Aggregate is null ? definition.Levels.ToList() : definition.Levels.Select(l => l with { Aggregate = null }).ToList();
        return definition.With(steps: steps, levels: levels, minCoverage: MinCoverage);
    }

    private static void Replace(List<StepDefinition> steps, string step, MethodSpec? spec)
    {
        if (spec is null)
        {
            return;
        }

        var at = steps.FindIndex(s => s.Step == step);
        if (at >= 0)
        {
            steps[at] = new StepDefinition(step, spec);
            return;
        }

        var order = StepNames.Ordered.ToList();
        var insertAt = steps.FindIndex(s => order.IndexOf(s.Step) > order.IndexOf(step));
        steps.Insert(insertAt < 0 ? steps.Count : insertAt, new StepDefinition(step, spec));
    }
}
