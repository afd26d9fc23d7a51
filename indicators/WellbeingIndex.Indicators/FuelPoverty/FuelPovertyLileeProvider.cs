using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.FuelPoverty;

/// <summary>Households in fuel poverty under Low Income Low Energy Efficiency, the official measure from 2019.</summary>
public sealed class FuelPovertyLileeProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "fuel-poverty-lilee",
        Name = "Households in fuel poverty (Low Income Low Energy Efficiency)",
        Domain = "fuel poverty",
        Unit = "% of households",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Department for Energy Security and Net Zero",
        Dataset = "Sub-regional fuel poverty statistics, local authority table (LILEE, data years 2019-2022)",
        Url = new Uri("https://www.gov.uk/government/collections/fuel-poverty-sub-regional-statistics"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Series break: LILEE starts with data year 2019 and is not comparable with LIHC (provider fuel-poverty-lihc, "
            + "2011-2018); a request before 2019 is NotAvailable rather than answered with LIHC. Data years are published "
            + "two years later. Local authorities on the boundaries of their year (2021-22 have fewer districts: a "
            + "district abolished in 2021 keeps its last value, dated), plus county, region and England rows.",
    };

    protected override string FileName => "desnz_subregional_fuel_poverty_la_2011_2022.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table) =>
        FuelPovertyRows.Read(csv, table, FuelPovertyRows.Lilee, "area_code");
}
