using System.Globalization;

namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Distance to a target, as COINr <c>n_dist2targ</c> fed from iMeta: the target is written in raw units and multiplied
/// by the direction, so y = (v − min v)/(target·d − min v), which for lower-is-better is (max x − x)/(max x − target).
/// <c>cap</c> = 1 (default) scores areas beyond the target 1. A target no better than the worst area is an error:
/// it would reverse the order of the areas.
/// </summary>
public sealed class DistanceToTargetNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Number("target", required: true), MethodParameter.Flag("cap"));

    public string Name => "dist2targ";

    public string Description => "Distance to target: y = (v − min)/(target·direction − min), capped at 1 unless cap = 0.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return ColumnStatistics.RangeParameters(reference);
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var target = spec.Number("target", double.NaN) * (context.Direction < 0 ? -1 : 1);
        var cap = spec.Number("cap", 1) == 1;
        var min = parameters["min"];
        if (!double.IsNaN(min) && !(target > min))
        {
            throw new IndexComputationException(
                string.Create(CultureInfo.InvariantCulture, $"dist2targ for '{context.IndicatorCode}': the target {spec.Number("target", double.NaN)} is no better than the worst area's value."));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                output[i] = double.NaN;
                continue;
            }

            var y = (v - min) / (target - min);
            output[i] = cap && y > 1 ? 1 : double.IsFinite(y) ? y : throw ParameterSchema.Overflow(Name, context, i, "use a target further from the worst value, or cap = 1");
        }
    }
}
