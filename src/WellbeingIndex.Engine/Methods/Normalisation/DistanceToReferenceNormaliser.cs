namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Distance to a reference area, as COINr <c>n_dist2ref</c> (its <c>iref</c> becomes the area code <c>area</c>):
/// y = 1 − (v_ref − v)/(v_ref − min), so the worst area scores 0 and the reference 1; <c>cap</c> = 1 scores areas
/// beyond the reference 1 (COINr's <c>cap_max</c>, off by default). Where COINr warns and returns NaN for every area
/// (reference missing, or reference equal to the worst), this throws: a whole column of NaN would silently drop
/// the indicator.
/// </summary>
public sealed class DistanceToReferenceNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Text("area", required: true), MethodParameter.Flag("cap"));

    public string Name => "dist2ref";

    public string Description => "Distance to reference area: y = 1 − (v_ref − v)/(v_ref − min), capped at 1 if cap = 1.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    /// <summary>The reference area's value and the minimum; <paramref name="context"/> must describe the reference rows.</summary>
    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var area = spec.Text("area")!;
        var row = context.IndexOfArea(area);
        if (row < 0 || row >= reference.Length)
        {
            throw new IndexComputationException($"dist2ref for '{context.IndicatorCode}': reference area '{area}' is not in the data.");
        }

        var (min, _) = ColumnStatistics.Range(reference);
        var value = reference[row];
        if (double.IsNaN(value))
        {
            throw new IndexComputationException($"dist2ref for '{context.IndicatorCode}': the reference area '{area}' has no value.");
        }

        if (value == min)
        {
            throw new IndexComputationException(
                $"dist2ref for '{context.IndicatorCode}': the reference area '{area}' has the worst value, so distances to it are undefined.");
        }

        return new FittedParameters(new Dictionary<string, double> { ["reference"] = value, ["min"] = min });
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var cap = spec.Number("cap", 0) == 1;
        var (reference, min) = (parameters["reference"], parameters["min"]);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                output[i] = double.NaN;
                continue;
            }

            var y = 1 - (reference - v) / (reference - min);
            output[i] = cap && y > 1 ? 1 : y;
        }
    }
}
