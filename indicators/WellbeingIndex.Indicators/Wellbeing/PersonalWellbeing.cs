using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Wellbeing;

/// <summary>What the four ONS personal well-being providers share: the file, the publisher and the caveats.</summary>
internal static class PersonalWellbeing
{
    public const string FileName = "ons_aps_personal_wellbeing_la_2011_2023.csv";

    public static IndicatorMetadata Metadata(string id, string name, string question, Direction direction) => new()
    {
        Id = id,
        Name = name,
        Domain = "personal well-being",
        Unit = "mean score out of 10",
        Direction = direction,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics",
        Dataset = "Annual Population Survey personal well-being estimates by local authority (release 7 November 2023, via ONS Explore local statistics)",
        Url = new Uri("https://www.ons.gov.uk/peoplepopulationandcommunity/wellbeing/datasets/headlineestimatesofpersonalwellbeing"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.FinancialYear,
        Notes = $"Mean answer (0-10) to \"{question}\", adults 16+, with the ONS 95% confidence interval on each value. Financial "
            + "years 2011/12-2022/23 (the 2023/24 and later LA releases are not in the data). Mode change: from 2020/21 the APS "
            + "was run by telephone only (COVID), so 2020/21 on are not strictly comparable with earlier years. Falling APS "
            + "samples widen the intervals. ONS 'u' (withheld as unreliable; the City of London in every year) is Suppressed; "
            + "'x' is NotAvailable. Local authorities on the codes of each year (2019-2023 reorganisations: the old codes keep "
            + "their series; ELS marks them 'Obsolete code since ...').",
    };
}
