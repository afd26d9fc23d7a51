using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.FuelPoverty;

/// <summary>Households in fuel poverty under the Low Income High Costs definition, the official measure until 2018.</summary>
public sealed class FuelPovertyLihcProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "fuel-poverty-lihc",
        Name = "Households in fuel poverty (Low Income High Costs)",
        Domain = "fuel poverty",
        Unit = "% of households",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Department for Energy Security and Net Zero (formerly BEIS)",
        Dataset = "Sub-regional fuel poverty statistics, local authority table (LIHC, data years 2011-2018)",
        Url = new Uri("https://www.gov.uk/government/collections/fuel-poverty-sub-regional-statistics"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Series break: LIHC ends with data year 2018; from 2019 the official measure is LILEE (provider "
            + "fuel-poverty-lilee), which is not comparable. A request after 2018 gets the 2018 LIHC value, dated 2018. "
            + "2011 values were published as fractions with old ONS codes (converted to % and GSS codes). Data years are "
            + "published two years later. English local authorities on the boundaries of their year.",
    };

    protected override string FileName => "desnz_subregional_fuel_poverty_la_2011_2022.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table) =>
        FuelPovertyRows.Read(csv, table, FuelPovertyRows.Lihc, "area_code");
}
