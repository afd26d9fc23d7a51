namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>Weighted geometric mean, as COINr <c>a_gmean</c>: a low child costs more than in the arithmetic mean; every present value must be positive.</summary>
public sealed class GeometricMeanAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "gmean";

    public string Description => "Weighted geometric mean: y = exp(Σ wᵢ ln xᵢ / Σ wᵢ) over present children; xᵢ > 0.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        WeightedPowerMean.Aggregate(input, output, 0, Name);
    }
}
