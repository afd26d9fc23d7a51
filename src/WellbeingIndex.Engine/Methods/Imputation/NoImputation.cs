namespace WellbeingIndex.Engine.Methods.Imputation;

/// <summary>Leaves missing values missing; aggregation then drops them and re-normalises the weights.</summary>
public sealed class NoImputation : IImputer
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "none";

    public string Description => "No imputation: missing values stay missing.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public int Impute(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return 0;
    }
}
