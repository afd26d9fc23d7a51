namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>The minimum of the present children, ignoring weights: fully non-compensatory ("weakest link").</summary>
public sealed class MinimumAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "min";

    public string Description => "Minimum: y = min xᵢ over present children (weights ignored).";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        for (var i = 0; i < input.AreaCount; i++)
        {
            var min = double.NaN;
            for (var k = 0; k < input.Children.Count; k++)
            {
                var x = input.Children[k][i];
                if (!double.IsNaN(x) && !(x >= min)) min = x;
            }

            output[i] = min;
        }
    }
}
