using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Environmental;

/// <summary>
/// Reads the OHID PM2.5 file keeping one method. Each provider keeps one method so that no request can splice the
/// old series (to 2019) onto the new one (from 2018): they overlap in 2018-2019 and differ.
/// </summary>
internal static class Pm25Rows
{
    public const string FileName = "ohid_pm25_attributable_mortality_fraction_la_2010_2021.csv";
    public const string Old = "old";
    public const string New = "new_2022";

    public static void Read(CsvReader csv, SeriesTable.Builder table, string method)
    {
        int area = csv.Column("area_code"), year = csv.Column("year"), methodColumn = csv.Column("method"),
            value = csv.Column("pct_mortality_attributable_pm25"), flag = csv.Column("flag");
        var scilly = CombinedUnit.CornwallAndIslesOfScilly;
        foreach (var r in csv.Records())
        {
            var rowMethod = r[methodColumn].Trim();
            if (rowMethod is not (Old or New))
            {
                throw csv.Error($"unknown method '{rowMethod}'; expected {Old} or {New}.", r.Line);
            }

            if (rowMethod != method)
            {
                continue;
            }

            var code = r[area].Trim();
            var period = ReferencePeriod.ForCalendarYear(csv.Year(r, year));
            var flagText = r[flag].Trim();
            var hasValue = r[value].Trim().Length > 0;
            Observation observation;
            switch (flagText)
            {
                case "" or "value_for_bucks_county_applied_to_bucks_ua" when !hasValue:
                    throw csv.Error($"blank value with flag '{flagText}', which needs one.", r.Line);
                case "":
                    observation = Observation.Ok(period, Percent(csv, r, value));
                    break;
                case "value_for_bucks_county_applied_to_bucks_ua":
                    observation = new(period, Percent(csv, r, value), ValueStatus.Ok,
                        "OHID: the value published for Buckinghamshire county, applied to the Buckinghamshire unitary (the same area since April 2020).");
                    break;
                case "value_for_cornwall_and_isles_of_scilly_combined" when code == scilly.Larger:
                    observation = new(period, Percent(csv, r, value), ValueStatus.Ok,
                        "OHID publishes Cornwall and Isles of Scilly as one unit: this value is for the two combined.");
                    break;
                case "value_for_cornwall_and_isles_of_scilly_combined" when code == scilly.Smaller:
                    observation = new(period, null, ValueStatus.NotAvailable,
                        "OHID publishes Isles of Scilly only combined with Cornwall; the combined value is not assigned to Isles of Scilly alone.");
                    break;
                case "blank_in_source" or "missing_value" when !hasValue:
                    observation = new(period, null, ValueStatus.NotAvailable, flagText == "blank_in_source"
                        ? "OHID: blank in the source for this area and year."
                        : "OHID: no value published for this area and year.");
                    break;
                default:
                    throw csv.Error(hasValue && flagText is "blank_in_source" or "missing_value"
                        ? $"flag '{flagText}' on a row that has a value ('{r[value]}')."
                        : $"unknown flag '{flagText}' for '{code}'.", r.Line);
            }

            table.Add(code, observation, r.Line);
        }
    }

    private static double Percent(CsvReader csv, CsvRecord r, int column)
    {
        var v = csv.Number(r, column);
        return v is >= 0 and <= 100 ? v : throw csv.Error($"column 'pct_mortality_attributable_pm25' is {r[column]}, outside 0-100.", r.Line);
    }

    public static IndicatorMetadata Metadata(string id, string method, string years, string notes) => new()
    {
        Id = id,
        Name = $"Fraction of mortality attributable to particulate air pollution (PM2.5), {method}",
        Domain = "environment",
        Unit = "% of adult deaths",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for Health Improvement and Disparities",
        Dataset = $"Public Health Outcomes Framework D01, fraction of mortality attributable to particulate air pollution, {method} (as republished for UK SDG indicator 3.9.1)",
        Url = new Uri("https://fingertips.phe.org.uk/profile/public-health-outcomes-framework"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = $"Calendar years {years}. Series break: OHID changed the method in 2022 (a revised concentration-response "
            + "function that gives higher values); the old and new methods overlap in 2018-2019 and are separate providers "
            + "(air-pm25-mortality-old-method, air-pm25-mortality-new-method), never spliced. " + notes,
    };
}
