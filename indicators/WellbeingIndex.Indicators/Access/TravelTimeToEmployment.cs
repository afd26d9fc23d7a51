using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Access;

/// <summary>What the three DfT journey-time providers share.</summary>
internal static class TravelTimeToEmployment
{
    public const string FileName = "dft_travel_time_employment_centre_la_2014_2019.csv";

    public static IndicatorMetadata Metadata(string id, string mode) => new()
    {
        Id = id,
        Name = $"Average minutes to the nearest employment centre (500-4,999 jobs) by {mode}",
        Domain = "access",
        Unit = "minutes",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Department for Transport",
        Dataset = "Journey time statistics: travel time to employment centres, local authority (via ONS Explore local statistics)",
        Url = new Uri("https://www.gov.uk/government/statistical-data-sets/journey-time-statistics-data-tables-jts"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Modelled average journey time from each small area to the nearest centre with 500-4,999 jobs, averaged over "
            + "the authority. Years 2014-2017 and 2019 (no 2018 in this data; DfT paused the series after 2019). English local "
            + "authorities on the codes of each year.",
    };
}
