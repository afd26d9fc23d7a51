using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.FuelPoverty;

/// <summary>
/// Reads the DESNZ sub-regional fuel poverty tables, keeping one metric. Each provider keeps one metric so that one
/// request can never mix LIHC (2011-2018) with LILEE (2019 on): the two are not comparable.
/// </summary>
internal static class FuelPovertyRows
{
    public const string Lihc = "LIHC";
    public const string Lilee = "LILEE";

    public static void Read(CsvReader csv, SeriesTable.Builder table, string metric, string areaColumn)
    {
        int area = csv.Column(areaColumn), year = csv.Column("data_year"), metricColumn = csv.Column("metric"), pct = csv.Column("pct_fuel_poor");
        foreach (var r in csv.Records())
        {
            var rowMetric = r[metricColumn].Trim();
            if (rowMetric is not (Lihc or Lilee))
            {
                throw csv.Error($"unknown metric '{rowMetric}'; expected {Lihc} or {Lilee}.", r.Line);
            }

            if (rowMetric != metric)
            {
                continue;
            }

            var value = csv.Number(r, pct);
            if (value is < 0 or > 100)
            {
                throw csv.Error($"column 'pct_fuel_poor' is {r[pct]}, outside 0-100.", r.Line);
            }

            table.Add(r[area].Trim(), Observation.Ok(ReferencePeriod.ForCalendarYear(csv.Year(r, year)), value), r.Line);
        }
    }
}
