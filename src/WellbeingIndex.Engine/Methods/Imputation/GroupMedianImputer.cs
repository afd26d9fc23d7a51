namespace WellbeingIndex.Engine.Methods.Imputation;

/// <summary>
/// Fills a missing value with the median of the present values in the area's group, as COINr <c>i_median_grp</c>.
/// A group with no present value, or an area without a group label, stays missing.
/// </summary>
public sealed class GroupMedianImputer : IImputer
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Text("group", required: true));

    public string Name => "groupmedian";

    public string Description => "Group median imputation: missing x = median of the present values in the same group (parameter group = grouping column).";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public int Impute(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return Imputation.FillByGroup(column, spec, context, median: true);
    }
}
