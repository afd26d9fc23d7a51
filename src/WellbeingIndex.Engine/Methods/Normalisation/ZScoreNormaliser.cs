namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Standardisation, as COINr <c>n_zscore</c> (sample sd, n − 1) with its <c>m_sd</c> split into <c>m</c> and <c>s</c>:
/// {m: 100, s: 10} is the "100 + 10·z" scale the Mazziotta–Pareto index expects. Fixed <c>mean</c>/<c>sd</c> replace the
/// sample values so scores stay comparable across periods; the fixed mean is in raw units, like goalposts, and mirrored
/// for lower-is-better indicators (values arrive as −x). A column with no spread gives every present area m (z = 0),
/// for the same reason min-max gives the midpoint.
/// </summary>
public sealed class ZScoreNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new(
        MethodParameter.Number("m"),
        MethodParameter.Number("s", check: v => v > 0, rule: "must be greater than 0"),
        MethodParameter.Number("mean"),
        MethodParameter.Number("sd", check: v => v > 0, rule: "must be greater than 0"));

    public string Name => "zscore";

    public string Description => "Z-score: y = m + s·(v − mean)/sd with the sample mean and sd (n − 1) unless fixed; m = 0, s = 1 by default.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    /// <summary>
    /// The reference's mean and sample sd; with weights (for example population shares) the weighted mean and the
    /// unbiased weighted sd for reliability weights, √(Σw(v − m)² / (Σw − Σw²/Σw)), which is the sample sd when all
    /// weights are equal.
    /// </summary>
    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var (_, sampleMean, sampleSd) = weights.IsEmpty ? ColumnStatistics.MeanSd(reference) : ColumnStatistics.WeightedMeanSd(reference, weights);
        var mean = spec.NumberOrNull("mean") is { } fixedMean ? fixedMean * context.Direction : sampleMean;
        var sd = spec.NumberOrNull("sd") ?? sampleSd;
        return new FittedParameters(new Dictionary<string, double> { ["mean"] = mean, ["sd"] = sd });
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var m = spec.Number("m", 0);
        var s = spec.Number("s", 1);
        var (mean, sd) = (parameters["mean"], parameters["sd"]);
        var flat = double.IsNaN(sd) || sd == 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var y = double.IsNaN(v) ? double.NaN : flat ? m : m + s * (v - mean) / sd;
            output[i] = double.IsInfinity(y) ? throw ParameterSchema.Overflow(Name, context, i, "use a smaller 'm' or 's', or a larger 'sd'") : y;
        }
    }
}
