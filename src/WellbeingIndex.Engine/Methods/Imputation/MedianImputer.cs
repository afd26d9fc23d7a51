namespace WellbeingIndex.Engine.Methods.Imputation;

/// <summary>Fills missing values with the median of the present ones, as COINr <c>i_median</c>; robust to outliers.</summary>
public sealed class MedianImputer : IImputer
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "median";

    public string Description => "Median imputation: missing x = median of the present values.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public int Impute(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return Imputation.Fill(column, ColumnStatistics.Median(column));
    }
}
