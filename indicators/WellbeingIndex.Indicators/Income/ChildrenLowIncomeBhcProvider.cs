using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Income;

/// <summary>DWP children in relative low income before housing costs: the longer series (FYE 2022-2025).</summary>
public sealed class ChildrenLowIncomeBhcProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } =
        ChildrenLowIncome.Metadata("income-children-low-income-bhc", "before", "2021/22-2024/25 (FYE 2022-2025)");

    protected override string FileName => ChildrenLowIncome.FileName;

    protected override string Measure => "children_relative_low_income_bhc_pct";

    protected override string Source => "DWP";
}
