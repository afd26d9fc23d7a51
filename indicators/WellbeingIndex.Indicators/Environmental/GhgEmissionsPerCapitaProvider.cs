using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Environmental;

/// <summary>
/// Sustainability: DESNZ territorial greenhouse-gas emissions per resident. The wellbeing of people later depends on
/// what a place emits now, so this is the index's sustainability measure rather than a wellbeing outcome.
/// </summary>
public sealed class GhgEmissionsPerCapitaProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "sustainability-ghg-per-capita",
        Name = "Sustainability: territorial greenhouse-gas emissions per resident",
        Domain = "sustainability",
        Unit = "tonnes CO2e per resident",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Department for Energy Security and Net Zero",
        Dataset = "UK local authority and regional greenhouse gas emissions statistics, 2005-2023 (release 3 July 2025, via ONS Explore local statistics)",
        Url = new Uri("https://www.gov.uk/government/collections/uk-local-authority-and-regional-greenhouse-gas-emissions-national-statistics"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Total territorial emissions (CO2, CH4, N2O) divided by mid-year population, computed by DESNZ. DESNZ revises "
            + "the whole back series each release; this is the 2005-2023 vintage. The City of London is an outlier (52 t in "
            + "2023, 246 t in 2005) because emissions from its offices fall on about 8,600 residents. UK local authorities.",
    };

    protected override string FileName => "desnz_ghg_emissions_per_capita_la_2005_2023.csv";

    protected override string Measure => "ghg_tco2e_per_capita";

    protected override string Source => "DESNZ";
}
