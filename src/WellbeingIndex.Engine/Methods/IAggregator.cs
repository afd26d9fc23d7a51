namespace WellbeingIndex.Engine.Methods;

/// <summary>Combines the children of one node into the node's score, area by area (or across areas, as Copeland does).</summary>
public interface IAggregator : IMethod
{
    /// <summary>
    /// Writes one score per area to <paramref name="output"/>. A missing child (NaN) is dropped and the remaining
    /// weights re-normalised (except for methods that say otherwise, such as the weighted sum); an area with no
    /// children present gets NaN. Minimum coverage is applied by the pipeline afterwards. Every cell of
    /// <paramref name="output"/> must be written: its contents on entry are unspecified.
    /// </summary>
    void Aggregate(AggregationInput input, Span<double> output);
}

/// <summary>The children of one aggregate node: columns of equal length (NaN = missing) and their weights.</summary>
public sealed class AggregationInput
{
    public AggregationInput(IReadOnlyList<double[]> children, IReadOnlyList<double> weights, MethodSpec spec, ColumnContext context)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(weights);
        if (children.Count == 0 || children.Count != weights.Count)
        {
            throw new ArgumentException($"Need one weight per child: {children.Count} children, {weights.Count} weights.", nameof(weights));
        }

        Children = children;
        Weights = weights;
        Spec = spec;
        Context = context;
        AreaCount = children[0].Length;
    }

    public IReadOnlyList<double[]> Children { get; }

    public IReadOnlyList<double> Weights { get; }

    public MethodSpec Spec { get; }

    /// <summary>Context of the aggregate node (its code in <see cref="ColumnContext.IndicatorCode"/>).</summary>
    public ColumnContext Context { get; }

    public int AreaCount { get; }
}
