namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>
/// Weighted generalised (power) mean, as COINr <c>a_genmean</c>: p = 1 is the arithmetic mean, p = −1 the harmonic,
/// p → 0 the geometric (use gmean; p = 0 is rejected as in COINr). Values must be positive when p &lt; 0 (as COINr)
/// and not negative when p &gt; 0 (a fractional power of a negative number is undefined).
/// </summary>
public sealed class GeneralisedMeanAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new(
        MethodParameter.Number("p", required: true, check: v => v != 0, rule: "must not be 0 (use gmean, its limit)"));

    public string Name => "genmean";

    public string Description => "Weighted generalised mean: y = (Σ wᵢxᵢᵖ / Σ wᵢ)^(1/p) over present children; p ≠ 0.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        WeightedPowerMean.Aggregate(input, output, input.Spec.Number("p", double.NaN), Name);
    }
}
