using System.Globalization;

namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Fraction of the best value, as COINr <c>n_fracmax</c>: y = v / max(v). Only meaningful when the best value is
/// positive (a lower-is-better indicator arrives negated, so its max is ≤ 0): otherwise this throws, naming the area.
/// </summary>
public sealed class FractionOfMaxNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "fracmax";

    public string Description => "Fraction of maximum: y = v / max(v); needs max(v) > 0.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var (_, max) = ColumnStatistics.Range(reference);
        if (max <= 0)
        {
            var row = reference.IndexOf(max);
            throw new IndexComputationException(
                string.Create(CultureInfo.InvariantCulture, $"fracmax for '{context.IndicatorCode}': the best value ({max}, area '{context.AreaCodeAt(row)}') must be positive."));
        }

        return ColumnStatistics.RangeParameters(reference);
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var max = parameters["max"];

        for (var i = 0; i < values.Length; i++)
        {
            output[i] = values[i] / max;
        }
    }
}
