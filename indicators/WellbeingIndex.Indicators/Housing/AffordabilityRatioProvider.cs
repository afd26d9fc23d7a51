using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Housing;

/// <summary>
/// ONS ratio of median house price to median gross annual residence-based earnings. Residence-based earnings fit a
/// wellbeing index better than workplace-based ones: they measure what residents, not commuters in, can afford.
/// </summary>
public sealed class AffordabilityRatioProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    internal const string Measure = "median_house_price_to_median_residence_based_earnings_ratio";

    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "housing-affordability-ratio",
        Name = "Median house price to median residence-based earnings ratio",
        Domain = "housing",
        Unit = "ratio (house price / annual earnings)",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics",
        Dataset = "House price to residence-based earnings ratio (tables 5c/6c, March 2024 release, via London Datastore)",
        Url = new Uri("https://www.ons.gov.uk/peoplepopulationandcommunity/housing/datasets/ratioofhousepricetoresidencebasedearningslowerquartileandmedian"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "House prices are for the year ending September, earnings from ASHE (April) of the year labelled. City of "
            + "London ratios are withheld by ONS in 16 of the 22 years (Suppressed). London boroughs, English regions "
            + "and England, 2002-2023.",
    };

    protected override string FileName => "ons_affordability_ratio_residence_based_london_2002_2023.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table)
    {
        int area = csv.Column("area_code"), year = csv.Column("year"), measure = csv.Column("measure"),
            value = csv.Column("value"), flag = csv.Column("flag");
        foreach (var r in csv.Records())
        {
            if (!string.Equals(r[measure].Trim(), Measure, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var period = ReferencePeriod.ForCalendarYear(csv.Year(r, year));
            var flagText = r[flag].Trim();
            Observation observation;
            if (flagText.Length > 0)
            {
                if (r[value].Trim().Length > 0)
                {
                    throw csv.Error($"flag '{flagText}' on a row that has a value ('{r[value]}').", r.Line);
                }

                observation = flagText == "suppressed_or_unavailable"
                    ? new(period, null, ValueStatus.Suppressed, "ONS: ratio withheld or unavailable for this year (blank in the release).")
                    : throw csv.Error($"unknown flag '{flagText}'; expected suppressed_or_unavailable.", r.Line);
            }
            else
            {
                observation = Observation.Ok(period, csv.Number(r, value));
            }

            table.Add(r[area].Trim(), observation, r.Line);
        }
    }
}
