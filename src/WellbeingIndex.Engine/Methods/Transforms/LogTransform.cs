namespace WellbeingIndex.Engine.Methods.Transforms;

/// <summary>Natural logarithm, for indicators spread over orders of magnitude (rates, earnings). A value outside the domain is an error naming the area, never a silent NaN.</summary>
public sealed class LogTransform : ITransform
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "log";

    public string Description => "Natural logarithm: x = ln x; x must be positive.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Transform(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        Logarithm.Apply(column, context, Name, base10: false);
    }
}
