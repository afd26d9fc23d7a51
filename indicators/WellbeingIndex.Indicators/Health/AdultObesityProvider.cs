using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Health;

/// <summary>OHID adult obesity prevalence (Active Lives survey): a leading risk to healthy years of life.</summary>
public sealed class AdultObesityProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "health-adult-obesity",
        Name = "Adults (18+) classified as obese",
        Domain = "health",
        Unit = "% of adults",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for Health Improvement and Disparities",
        Dataset = "Obesity, physical activity and nutrition profile: adult obesity prevalence, from Sport England Active Lives (via ONS Explore local statistics)",
        Url = new Uri("https://fingertips.phe.org.uk/profile/obesity-physical-activity-nutrition"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.TwelveMonths,
        Notes = "Active Lives survey years mid-November to mid-November (2015-11-16/P1Y = 16 Nov 2015 to 15 Nov 2016), to "
            + "2024/25, with the OHID 95% confidence interval; self-reported height and weight, adjusted by OHID. Survey "
            + "estimates for the smallest authorities (City of London, Isles of Scilly) have wide intervals. English local "
            + "authorities and regions.",
    };

    protected override string FileName => "ohid_adult_obesity_prevalence_la_2015_2025.csv";

    protected override string Measure => "adult_obesity_prevalence_pct";

    protected override string Source => "OHID";
}
