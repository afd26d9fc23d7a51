namespace WellbeingIndex.Engine.Methods.Imputation;

/// <summary>Fills missing values with the mean of the present ones, as COINr <c>i_mean</c>.</summary>
public sealed class MeanImputer : IImputer
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "mean";

    public string Description => "Mean imputation: missing x = mean of the present values.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public int Impute(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return Imputation.Fill(column, ColumnStatistics.MeanSd(column).Mean);
    }
}
