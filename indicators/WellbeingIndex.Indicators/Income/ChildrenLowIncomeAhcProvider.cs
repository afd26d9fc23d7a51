using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Income;

/// <summary>
/// DWP children in relative low income after housing costs. In London housing costs decide whether a family is poor,
/// which is why the London measure uses this one; the series here is short (FYE 2024-2025).
/// </summary>
public sealed class ChildrenLowIncomeAhcProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } =
        ChildrenLowIncome.Metadata("income-children-low-income-ahc", "after", "2023/24-2024/25 (FYE 2024-2025) only");

    protected override string FileName => ChildrenLowIncome.FileName;

    protected override string Measure => "children_relative_low_income_ahc_pct";

    protected override string Source => "DWP";
}
