namespace WellbeingIndex.Engine.Methods.Transforms;

/// <summary>Clips one indicator's raw values to known physical bounds (for example a rate to [0, 100]) before treatment.</summary>
public sealed class CapTransform : ITransform
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Number("lower"), MethodParameter.Number("upper"));

    public string Name => "cap";

    public string Description => "Cap: x = min(max(x, lower), upper) with either bound optional.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec).Concat(Bounds.Check(spec));

    public void Transform(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode, Bounds.Check(spec));
        Bounds.Clip(column, spec);
    }
}
