namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>
/// Weighted sum with the weights as given (not re-normalised): a missing child contributes nothing, so an area's score
/// falls with missing data. Use it when the weights are already the intended scale (for example IoD domain shares).
/// </summary>
public sealed class WeightedSumAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "sum";

    public string Description => "Weighted sum: y = Σ wᵢxᵢ over present children, weights not re-normalised.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        WeightedPowerMean.CheckWeights(input, Name);
        for (var i = 0; i < input.AreaCount; i++)
        {
            var sum = 0.0;
            var present = false;
            for (var k = 0; k < input.Children.Count; k++)
            {
                var x = input.Children[k][i];
                if (double.IsNaN(x)) continue;
                present = true;
                sum += input.Weights[k] * x;
            }

            // Weights are not re-normalised, so a sum beyond the double range (weights of 1e308) has no finite answer.
            output[i] = !present ? double.NaN
                : double.IsFinite(sum) ? sum
                : throw new IndexComputationException($"{Name} for '{input.Context.IndicatorCode}': the weighted sum of area '{input.Context.AreaCodeAt(i)}' overflows the range of numbers; use smaller weights.");
        }
    }
}
