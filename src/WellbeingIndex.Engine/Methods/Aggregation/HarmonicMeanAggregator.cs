namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>Weighted harmonic mean, as COINr <c>a_hmean</c>. COINr only rejects zeros; negative values are rejected here too, since the harmonic mean of mixed signs is not a mean (it can fall when a child improves).</summary>
public sealed class HarmonicMeanAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "hmean";

    public string Description => "Weighted harmonic mean: y = Σ wᵢ / Σ (wᵢ/xᵢ) over present children; xᵢ > 0.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        WeightedPowerMean.Aggregate(input, output, -1, Name);
    }
}
