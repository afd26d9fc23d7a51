using System.Globalization;

namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Goalposts, as COINr <c>n_goalposts</c> fed from iMeta (<c>get_iMeta_norm_paras</c>): <c>min</c> and <c>max</c> are
/// written in raw units as UNDP publishes them, and because values arrive multiplied by the direction, for a
/// lower-is-better indicator the posts become (−max, −min): x = min then scores <c>scale</c> and x = max scores 0.
/// </summary>
public sealed class GoalpostsNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new(
        MethodParameter.Number("min", required: true),
        MethodParameter.Number("max", required: true),
        MethodParameter.Number("scale", check: v => v > 0, rule: "must be greater than 0"),
        MethodParameter.Flag("truncate"));

    public string Name => "goalposts";

    public string Description => "Goalposts: y = scale·(x − min)/(max − min) in raw units (mirrored when lower is better), clipped to [0, scale] unless truncate = 0.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec).Concat(Posts(spec));

    /// <summary>Goalposts are fixed by the specification: nothing to learn.</summary>
    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode, Posts(spec));
        return FittedParameters.None;
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode, Posts(spec));
        var min = spec.Number("min", double.NaN);
        var max = spec.Number("max", double.NaN);
        var scale = spec.Number("scale", 1);
        var truncate = spec.Number("truncate", 1) == 1;
        var (low, high) = context.Direction < 0 ? (-max, -min) : (min, max);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                output[i] = double.NaN;
                continue;
            }

            var y = (v - low) / (high - low);
            if (truncate) y = Math.Clamp(y, 0, 1);
            output[i] = double.IsFinite(y * scale) ? y * scale : throw ParameterSchema.Overflow(Name, context, i, "use a smaller 'scale', goalposts further apart, or truncate = 1");
        }
    }

    private static IEnumerable<ParameterProblem> Posts(MethodSpec spec)
    {
        if (spec.NumberOrNull("min") is { } min && spec.NumberOrNull("max") is { } max && !(min < max))
        {
            yield return new ParameterProblem("max", string.Create(CultureInfo.InvariantCulture, $"'max' must be greater than 'min' (min = {min}, max = {max})."));
        }
    }
}
