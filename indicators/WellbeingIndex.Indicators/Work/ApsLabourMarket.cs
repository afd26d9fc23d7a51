using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Work;

/// <summary>What the two APS labour-market providers share.</summary>
internal static class ApsLabourMarket
{
    public const string FileName = "ons_aps_employment_inactivity_la_2004_2023.csv";

    public static IndicatorMetadata Metadata(string id, string name, Direction direction) => new()
    {
        Id = id,
        Name = name,
        Domain = "work",
        Unit = "% of residents aged 16-64",
        Direction = direction,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics",
        Dataset = "Annual Population Survey, local labour market indicators (LI01), via ONS Explore local statistics",
        Url = new Uri("https://www.ons.gov.uk/employmentandlabourmarket/peopleinwork/employmentandemployeetypes/datasets/locallabourmarketindicatorsforcountiesandlocalandunitaryauthoritiesli01"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "APS calendar years 2004-2023, with the ONS 95% confidence interval. Official statistics in development (LFS/APS "
            + "response problems): borough values jump from year to year (Tower Hamlets employment 62.1% in 2017, 72.9% in "
            + "2018), so read the intervals. A value ONS marks as from a sample of 3-9 is Unreliable (kept, flagged); 'u' is "
            + "Suppressed; 'x' NotAvailable. The City of London has no usable employment rate since 2019. GB local authorities.",
    };
}
