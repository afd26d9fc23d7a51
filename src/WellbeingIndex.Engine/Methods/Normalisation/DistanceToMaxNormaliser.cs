namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Distance to the best area, as COINr <c>n_dist2max</c>: y = 1 − (max − v)/(max − min), in [0, 1]. A constant column
/// gives 0.5 to every present area (COINr: NaN), as <see cref="MinMaxNormaliser"/> does.
/// </summary>
public sealed class DistanceToMaxNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "dist2max";

    public string Description => "Distance to maximum: y = 1 − (max − v)/(max − min); constant column → 0.5.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return ColumnStatistics.RangeParameters(reference);
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var (min, max) = (parameters["min"], parameters["max"]);
        var range = max - min;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            output[i] = double.IsNaN(v) ? double.NaN : range == 0 ? 0.5 : 1 - (max - v) / range;
        }
    }
}
