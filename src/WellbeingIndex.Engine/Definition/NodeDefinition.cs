using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Definition;

/// <summary>
/// One node of the hierarchy, in the shape of a COINr iMeta row. Method fields are per-node overrides of the recipe's
/// step defaults; null means "use the default".
/// </summary>
public sealed record NodeDefinition
{
    public required string Code { get; init; }
    public string? Name { get; init; }
    public required NodeType Type { get; init; }
    /// <summary>Code of the aggregate this node feeds; null only for the index itself.</summary>
    public string? Parent { get; init; }
    /// <summary>Weight within the parent; positive. Weights are relative: only their ratios within a group matter (except for the weighted sum).</summary>
    public double Weight { get; init; } = 1;
    /// <summary>+1 when higher is better, −1 when lower is better (indicators only).</summary>
    public int Direction { get; init; } = 1;
    public string? Unit { get; init; }
    /// <summary>The data column this indicator is divided by in a denominate step (iMeta <c>Denominator</c>); indicators only.</summary>
    public string? Denominator { get; init; }
    /// <summary>How an aggregate's children are weighted: null or <c>explicit</c> = their <see cref="Weight"/>s; <c>equal</c>, <c>pca</c>, <c>balance</c> (see <c>Weighting</c>).</summary>
    public MethodSpec? Weighting { get; init; }
    /// <summary>Transform of raw values before treatment (log, log10, sqrt, cap); indicators only.</summary>
    public MethodSpec? Transform { get; init; }
    /// <summary>Outlier treatment override (for example <c>{"method": "none"}</c> to leave a skewed but meaningful indicator alone); indicators only.</summary>
    public MethodSpec? Treat { get; init; }
    /// <summary>Normalisation override; indicators only.</summary>
    public MethodSpec? Normalise { get; init; }
    /// <summary>Aggregation override; aggregates only.</summary>
    public MethodSpec? Aggregate { get; init; }
    /// <summary>Share of children (0–1) an area needs for this aggregate to be computed; below it the score is missing.</summary>
    public double? MinCoverage { get; init; }
    /// <summary>Where the values come from when the framework is computed from providers (indicators only).</summary>
    public string? Provider { get; init; }
    /// <summary>Free text: why this indicator, weight or method was chosen.</summary>
    public string? Rationale { get; init; }
}
