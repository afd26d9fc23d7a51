namespace WellbeingIndex.Engine.Methods.Transforms;

/// <summary>Base-10 logarithm: the same shape as the natural log, in units readers count in (decades). A value outside the domain is an error naming the area, never a silent NaN.</summary>
public sealed class Log10Transform : ITransform
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "log10";

    public string Description => "Common logarithm: x = log₁₀ x; x must be positive.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Transform(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        Logarithm.Apply(column, context, Name, base10: true);
    }
}
