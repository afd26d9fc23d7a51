using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Health;

/// <summary>What the two healthy life expectancy providers share.</summary>
internal static class HealthyLifeExpectancy
{
    public const string FileName = "ons_healthy_life_expectancy_la_2011_2024.csv";

    /// <summary>
    /// ONS publishes Hackney with the City of London, and Cornwall with the Isles of Scilly, as one unit in its local
    /// life-expectancy tables; the file carries them under the larger member's code without a flag.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CombinedUnit> CombinedRows = new Dictionary<string, CombinedUnit>(StringComparer.Ordinal)
    {
        [CombinedUnit.HackneyAndCityOfLondon.Larger] = CombinedUnit.HackneyAndCityOfLondon,
        [CombinedUnit.CornwallAndIslesOfScilly.Larger] = CombinedUnit.CornwallAndIslesOfScilly,
    };

    public static IndicatorMetadata Metadata(string id, string sex) => new()
    {
        Id = id,
        Name = $"Healthy life expectancy at birth, {sex}",
        Domain = "health",
        Unit = "years",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics",
        Dataset = "Health state life expectancies, UK: healthy life expectancy at birth by local authority (via ONS Explore local statistics)",
        Url = new Uri("https://www.ons.gov.uk/peoplepopulationandcommunity/healthandsocialcare/healthandlifeexpectancies/datasets/healthstatelifeexpectancyallagesuk"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.MultiYear,
        Notes = "Three-year pooled periods 2011-2013 to 2022-2024, with the ONS 95% confidence interval; the latest periods use "
            + "ONS's interim method (modelled 'good health' prevalence). Upper-tier authorities only (unitaries, metropolitan "
            + "districts, London boroughs, counties): no value for a shire district. Combined units: ONS publishes Hackney with "
            + "the City of London and Cornwall with the Isles of Scilly; the value under E09000012 (E06000052) is for the two "
            + "combined and says so in its reason, and the City of London (Isles of Scilly) is NotAvailable rather than given "
            + "the combined value.",
    };
}
