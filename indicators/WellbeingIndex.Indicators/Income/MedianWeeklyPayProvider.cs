using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Income;

/// <summary>
/// ONS ASHE median gross weekly pay of full-time employees by place of residence (London Datastore compilation).
/// Full-time weekly pay is the ONS headline measure: the "Total" series mixes in part-time jobs, so a borough with
/// more part-time work would look poorer for a reason that is not pay.
/// </summary>
public sealed class MedianWeeklyPayProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    internal const string Series = "Full-time, Weekly";
    internal const string Statistic = "median_gross_pay_gbp_by_place_of_residence";

    /// <summary>ONS ASHE quality bands: a CV over 10% (up to 20%) is "acceptable, but use with caution".</summary>
    internal const double CautionCvPercent = 10;

    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "income-median-weekly-pay",
        Name = "Median gross weekly pay, full-time employees, by place of residence",
        Domain = "income",
        Unit = "GBP per week",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics (compiled by GLA London Datastore)",
        Dataset = "Annual Survey of Hours and Earnings, resident analysis: Earnings by Place of Residence, Borough",
        Url = new Uri("https://data.london.gov.uk/dataset/earnings-place-residence-borough"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Series 'Full-time, Weekly': the ONS headline measure; the 'Total' series also counts part-time jobs, so it "
            + "moves with the part-time share rather than with pay. ASHE is a survey taken in April of each year. Values with "
            + "an ONS coefficient of variation over 10% are marked Unreliable (ONS: 'use with caution'); cells ONS withheld "
            + "(CV over 20%, or a sample of 0-2) are Suppressed. London boroughs, regions and UK nations, 2002-2019.",
    };

    protected override string FileName => "ashe_resident_median_earnings_london_2002_2019.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table)
    {
        int area = csv.Column("area_code"), year = csv.Column("year"), series = csv.Column("series"),
            statistic = csv.Column("statistic"), value = csv.Column("value"), cv = csv.Column("cv_pct"), flag = csv.Column("flag");
        foreach (var r in csv.Records())
        {
            if (!string.Equals(r[series].Trim(), Series, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(r[statistic].Trim(), Statistic, StringComparison.OrdinalIgnoreCase))
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

                observation = flagText switch
                {
                    "suppressed_unreliable" => new(period, null, ValueStatus.Suppressed,
                        "ONS ASHE: estimate withheld as unreliable (coefficient of variation over 20%, '#')."),
                    "not_available_sample_0_2" => new(period, null, ValueStatus.Suppressed,
                        "ONS ASHE: estimate not available, sample of 0-2 jobs ('!')."),
                    _ => throw csv.Error($"unknown flag '{flagText}'; expected suppressed_unreliable or not_available_sample_0_2.", r.Line),
                };
            }
            else
            {
                var pay = csv.Number(r, value);
                double? cvPercent = r[cv].Trim().Length == 0 ? null : csv.Number(r, cv);
                observation = cvPercent > CautionCvPercent
                    ? new(period, pay, ValueStatus.Unreliable, string.Create(CultureInfo.InvariantCulture,
                        $"ONS ASHE: coefficient of variation {cvPercent}% (over 10%: acceptable, but use with caution)."))
                    : Observation.Ok(period, pay);
            }

            table.Add(r[area].Trim(), observation, r.Line);
        }
    }
}
