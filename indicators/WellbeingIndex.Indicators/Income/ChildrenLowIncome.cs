using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Income;

/// <summary>What the two DWP children-in-low-income providers share.</summary>
internal static class ChildrenLowIncome
{
    public const string FileName = "dwp_children_relative_low_income_la_fye2022_2025.csv";

    public static IndicatorMetadata Metadata(string id, string housingCosts, string years) => new()
    {
        Id = id,
        Name = $"Children under 16 in relative low income families, {housingCosts} housing costs",
        Domain = "income",
        Unit = "% of children under 16",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Department for Work and Pensions",
        Dataset = "Children in low income families: local area statistics (via ONS Explore local statistics)",
        Url = new Uri("https://www.gov.uk/government/collections/children-in-low-income-families-local-area-statistics"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.FinancialYear,
        Notes = $"Relative low income: household income below 60% of the UK median, {housingCosts} housing costs. DWP's "
            + $"calibrated local estimates (calibrated to Households Below Average Income). Financial years {years}. The before- "
            + "and after-housing-costs measures are separate providers and are never mixed. UK local authorities and regions.",
    };
}
