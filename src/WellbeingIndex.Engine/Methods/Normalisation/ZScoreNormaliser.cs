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

    public void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var m = spec.Number("m", 0);
        var s = spec.Number("s", 1);
        var (_, sampleMean, sampleSd) = ColumnStatistics.MeanSd(values);
        var mean = spec.NumberOrNull("mean") is { } fixedMean ? fixedMean * context.Direction : sampleMean;
        var sd = spec.NumberOrNull("sd") ?? sampleSd;
        var flat = double.IsNaN(sd) || sd == 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            output[i] = double.IsNaN(v) ? double.NaN : flat ? m : m + s * (v - mean) / sd;
        }
    }
}
