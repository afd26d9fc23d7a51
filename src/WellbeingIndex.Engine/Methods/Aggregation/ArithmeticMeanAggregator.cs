namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>Weighted arithmetic mean, as COINr <c>a_amean</c>: fully compensatory.</summary>
public sealed class ArithmeticMeanAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "amean";

    public string Description => "Weighted arithmetic mean: y = Σ wᵢxᵢ / Σ wᵢ over present children.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        WeightedPowerMean.Aggregate(input, output, 1, Name);
    }
}
