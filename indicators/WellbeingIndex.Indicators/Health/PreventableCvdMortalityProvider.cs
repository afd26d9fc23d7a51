using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Health;

/// <summary>
/// OHID under-75 mortality from cardiovascular disease considered preventable: deaths that public health and
/// healthcare could have avoided, so a measure of a place's health that policy can move.
/// </summary>
public sealed class PreventableCvdMortalityProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "health-preventable-cvd-mortality",
        Name = "Under-75 mortality rate from cardiovascular disease considered preventable",
        Domain = "health",
        Unit = "deaths per 100,000 (directly age-standardised)",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for Health Improvement and Disparities",
        Dataset = "Public Health Outcomes Framework: under-75 mortality from cardiovascular disease considered preventable (via ONS Explore local statistics)",
        Url = new Uri("https://fingertips.phe.org.uk/profile/public-health-outcomes-framework"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.MultiYear,
        Notes = "Three-year pooled periods 2001-2003 to 2022-2024, with the OHID 95% confidence interval. Combined units: OHID "
            + "publishes E67000001 \"City of London, Hackney\" and E67000002 \"Isles of Scilly, Cornwall\" instead of the four "
            + "authorities; the value is given to Hackney (Cornwall) with a reason saying it is for the two combined, and the "
            + "City of London (Isles of Scilly) is NotAvailable rather than given it. English local authorities and regions.",
    };

    protected override string FileName => "ohid_preventable_cvd_mortality_u75_la_2001_2024.csv";

    protected override string Measure => "preventable_cvd_mortality_u75_dsr_per_100k";

    protected override string Source => "OHID";
}
