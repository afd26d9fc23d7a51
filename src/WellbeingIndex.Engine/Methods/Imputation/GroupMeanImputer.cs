namespace WellbeingIndex.Engine.Methods.Imputation;

/// <summary>
/// Fills a missing value with the mean of the present values in the area's group (for example its region), as COINr
/// <c>i_mean_grp</c>. A group with no present value, or an area without a group label, stays missing.
/// </summary>
public sealed class GroupMeanImputer : IImputer
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Text("group", required: true));

    public string Name => "groupmean";

    public string Description => "Group mean imputation: missing x = mean of the present values in the same group (parameter group = grouping column).";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public int Impute(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return Imputation.FillByGroup(column, spec, context, median: false);
    }
}
