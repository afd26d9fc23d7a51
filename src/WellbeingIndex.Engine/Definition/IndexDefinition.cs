using System.Collections.Immutable;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Definition;

/// <summary>
/// A composite index as data: the hierarchy (nodes with parents and weights) and the recipe (ordered steps with their
/// default methods). Built only through <see cref="IndexDefinitionJson"/> or <see cref="Create"/>, which validate it
/// completely, so a definition that exists is one the pipeline can run.
/// </summary>
public sealed class IndexDefinition
{
    private readonly ImmutableDictionary<string, NodeDefinition> _byCode;
    private readonly ImmutableDictionary<string, ImmutableArray<NodeDefinition>> _children;
    private readonly ImmutableDictionary<string, int> _levels;

    internal IndexDefinition(string id, string? name, string? description, double minCoverage,
        IReadOnlyList<StepDefinition> steps, IReadOnlyList<LevelDefinition> levels, IReadOnlyList<NodeDefinition> nodes,
        TimeDefinition? time = null, bool higherIsWorse = false)
    {
        Time = time;
        HigherIsWorse = higherIsWorse;
        Id = id;
        Name = name;
        Description = description;
        MinCoverage = minCoverage;
        Steps = steps.ToImmutableArray();
        Levels = levels.OrderBy(l => l.Level).ToImmutableArray();
        Nodes = nodes.ToImmutableArray();
        _byCode = nodes.ToImmutableDictionary(n => n.Code, StringComparer.Ordinal);
        _children = nodes.Where(n => n.Parent is not null).GroupBy(n => n.Parent!, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        Root = nodes.Single(n => n.Parent is null);
        var levelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        LevelOf(Root.Code, levelOf);
        _levels = levelOf.ToImmutableDictionary(StringComparer.Ordinal);
        Indicators = nodes.Where(n => n.Type == NodeType.Indicator).ToImmutableArray();
        AggregatesBottomUp = nodes.Where(n => n.Type == NodeType.Aggregate)
            .Select((n, i) => (n, i)).OrderBy(x => _levels[x.n.Code]).ThenBy(x => x.i).Select(x => x.n).ToImmutableArray();
    }

    public string Id { get; }
    public string? Name { get; }
    public string? Description { get; }

    /// <summary>Default minimum share of children an area needs for an aggregate (0 = any one child suffices).</summary>
    public double MinCoverage { get; }

    public ImmutableArray<StepDefinition> Steps { get; }

    /// <summary>
    /// The index's polarity: true when a high score is worse (a deprivation index such as the IMD, whose rank 1 is the
    /// most deprived area), false (the default) when a high score is better (wellbeing). It changes no score; it says
    /// which end of the scale is "worst" to measures that need one (the IoD roll-ups' most deprived fifth, the
    /// inequality API's default).
    /// </summary>
    public bool HigherIsWorse { get; }

    /// <summary>How a panel of periods is made comparable (null: not stated, per-period unless a caller says otherwise).</summary>
    public TimeDefinition? Time { get; }
    public ImmutableArray<LevelDefinition> Levels { get; }

    /// <summary>Every node in definition order.</summary>
    public ImmutableArray<NodeDefinition> Nodes { get; }

    /// <summary>The index: the one node without a parent.</summary>
    public NodeDefinition Root { get; }

    public ImmutableArray<NodeDefinition> Indicators { get; }

    /// <summary>Aggregates in an order where every child is computed before its parent.</summary>
    public ImmutableArray<NodeDefinition> AggregatesBottomUp { get; }

    /// <summary>Number of levels: 1 for the indicators up to the root's level.</summary>
    public int Depth => _levels[Root.Code];

    public NodeDefinition this[string code] => _byCode.TryGetValue(code, out var n) ? n : throw new KeyNotFoundException($"No node '{code}'.");

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public ImmutableArray<NodeDefinition> ChildrenOf(string code) => _children.TryGetValue(code, out var c) ? c : [];

    /// <summary>1 for indicators; an aggregate's level is one more than its highest child's.</summary>
    public int LevelOf(string code) => _levels[code];

    public StepDefinition? Step(string step) => Steps.FirstOrDefault(s => s.Step == step);

    /// <summary>The treatment an indicator gets: its own override, else the treat step's method (null without a treat step).</summary>
    public MethodSpec? TreatmentOf(NodeDefinition indicator) => Step(StepNames.Treat) is { } step ? indicator.Treat ?? step.Method : null;

    /// <summary>The normalisation an indicator uses: its own override, else the normalise step's method.</summary>
    public MethodSpec? NormalisationOf(NodeDefinition indicator) => indicator.Normalise ?? Step(StepNames.Normalise)?.Method;

    /// <summary>The aggregation a node uses: its own override, else its level's default, else the aggregate step's method.</summary>
    public MethodSpec AggregationOf(NodeDefinition aggregate) =>
        aggregate.Aggregate
        ?? Levels.FirstOrDefault(l => l.Level == LevelOf(aggregate.Code))?.Aggregate
        ?? Step(StepNames.Aggregate)?.Method
        ?? throw new InvalidOperationException("A validated definition always has an aggregate step.");

    /// <summary>Validates and builds a definition from parts (the same checks as reading JSON).</summary>
    public static IndexDefinition Create(string id, IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<StepDefinition> steps,
        IReadOnlyList<LevelDefinition>? levels = null, string? name = null, string? description = null, double minCoverage = 0,
        MethodRegistry? registry = null, TimeDefinition? time = null, bool higherIsWorse = false)
    {
        var problems = DefinitionValidator.Validate(id, nodes, steps, levels ?? [], minCoverage, registry ?? MethodRegistry.Default);
        problems.AddRange(DefinitionValidator.ValidateTime(time));
        if (problems.Count > 0)
        {
            throw new DefinitionException(problems);
        }

        return new IndexDefinition(id, name, description, minCoverage, steps, levels ?? [], nodes, time, higherIsWorse);
    }

    /// <summary>A copy with some parts replaced (what-if runs); validated again.</summary>
    public IndexDefinition With(IReadOnlyList<NodeDefinition>? nodes = null, IReadOnlyList<StepDefinition>? steps = null,
        IReadOnlyList<LevelDefinition>? levels = null, double? minCoverage = null, MethodRegistry? registry = null) =>
        Create(Id, nodes ?? Nodes, steps ?? Steps, levels ?? Levels, Name, Description, minCoverage ?? MinCoverage, registry, Time, HigherIsWorse);

    /// <summary>A copy with another time block (null removes it); validated again.</summary>
    public IndexDefinition WithTime(TimeDefinition? time) =>
        Create(Id, Nodes, Steps, Levels, Name, Description, MinCoverage, time: time, higherIsWorse: HigherIsWorse);

    private int LevelOf(string code, Dictionary<string, int> memo)
    {
        if (memo.TryGetValue(code, out var l))
        {
            return l;
        }

        var children = ChildrenOf(code);
        var level = children.IsEmpty ? 1 : 1 + children.Max(c => LevelOf(c.Code, memo));
        memo[code] = level;
        return level;
    }
}
