using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Income;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Income;

/// <summary>DWP children in low income (BHC and AHC kept apart) and ONS GDHI per head against their files.</summary>
public class IncomeProviderTests
{
    private static readonly ReferencePeriod Fy2024 = ReferencePeriod.ForFinancialYear(2024);

    [Fact]
    public async Task Children_in_low_income_before_and_after_housing_costs_are_separate()
    {
        // dwp_children_relative_low_income_la_fye2022_2025.csv
        // line 587:  E09000030,Tower Hamlets,...,2024/25,2024-04-01/P1Y,children_relative_low_income_ahc_pct,50.34144602,%,,,,
        // line 1921: E09000030,Tower Hamlets,...,2024/25,2024-04-01/P1Y,children_relative_low_income_bhc_pct,26.68984577,%,,,,
        Assert.Equal(new IndicatorValue("E09000030", 50.34144602, Fy2024, ValueStatus.Ok),
            await ValueAsync(new ChildrenLowIncomeAhcProvider(Context), "E09000030", Fy2024));
        Assert.Equal(new IndicatorValue("E09000030", 26.68984577, Fy2024, ValueStatus.Ok),
            await ValueAsync(new ChildrenLowIncomeBhcProvider(Context), "E09000030", Fy2024));
        // line 1918: E09000030,...,2021/22,2021-04-01/P1Y,children_relative_low_income_bhc_pct,23.9084446,
        Assert.Equal(23.9084446, (await ValueAsync(new ChildrenLowIncomeBhcProvider(Context), "E09000030", ReferencePeriod.ForFinancialYear(2021))).Value);
        // AHC starts in 2023/24: asking for 2021/22 does not fall back to BHC.
        var early = await ValueAsync(new ChildrenLowIncomeAhcProvider(Context), "E09000030", ReferencePeriod.ForFinancialYear(2021));
        Assert.Equal((ValueStatus.NotAvailable, (double?)null), (early.Status, early.Value));
        Assert.Equal([ReferencePeriod.ForFinancialYear(2023), Fy2024], await new ChildrenLowIncomeAhcProvider(Context).GetAvailablePeriodsAsync());
        Assert.Equal(Enumerable.Range(2021, 4).Select(ReferencePeriod.ForFinancialYear), await new ChildrenLowIncomeBhcProvider(Context).GetAvailablePeriodsAsync());
    }

    [Theory]
    // ons_gdhi_per_head_la_1997_2023.csv line 7642: E09000020,Kensington and Chelsea,...,2023,2023-01-01/P1Y,gdhi_per_head_gbp,110651,£,,,,
    [InlineData("E09000020", 110651)]
    // line 7156: E09000002,Barking and Dagenham,...,2023,2023-01-01/P1Y,gdhi_per_head_gbp,21179,£,,,,
    [InlineData("E09000002", 21179)]
    public async Task Gdhi_per_head(string area, double expected)
    {
        Assert.Equal(new IndicatorValue(area, expected, Year(2023), ValueStatus.Ok), await ValueAsync(new GdhiPerHeadProvider(Context), area, Year(2023)));
        Assert.Equal(27, (await new GdhiPerHeadProvider(Context).GetAvailablePeriodsAsync()).Count);
    }
}
