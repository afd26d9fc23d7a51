using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.FuelPoverty;

/// <summary>
/// Households in fuel poverty (LILEE) for every LSOA in England. These are modelled estimates: DESNZ warns against
/// reading trends within one LSOA, so use them for patterns and scale.
/// </summary>
public sealed class FuelPovertyLileeLsoaProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "fuel-poverty-lilee-lsoa",
        Name = "Households in fuel poverty (Low Income Low Energy Efficiency), small-area modelled estimates",
        Domain = "fuel poverty",
        Unit = "% of households",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.Lsoa,
        Publisher = "Department for Energy Security and Net Zero",
        Dataset = "Sub-regional fuel poverty statistics, LSOA table (LILEE, data years 2019-2022)",
        Url = new Uri("https://www.gov.uk/government/collections/fuel-poverty-sub-regional-statistics"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Modelled estimates: DESNZ advises against comparing one LSOA over time; use for patterns and scale. "
            + "LILEE only (no LSOA LIHC series here). 2019-2020 use 2011 LSOAs (32,844), 2021-2022 use 2021 LSOAs (33,755): "
            + "a 2011 LSOA that was split or merged keeps its 2020 value, dated 2020.",
    };

    protected override string FileName => "desnz_subregional_fuel_poverty_lsoa_lilee_2019_2022.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table) =>
        FuelPovertyRows.Read(csv, table, FuelPovertyRows.Lilee, "lsoa_code");
}
