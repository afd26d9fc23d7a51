using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.GreenSpace;

/// <summary>
/// GLA share of each borough's area that is greenspace, from the London Borough Profiles. The profiles are one
/// snapshot whose columns each carry their own reference year in the header, so the year is read from the header
/// rather than assumed from the file name.
/// </summary>
public sealed class GreenspaceAreaProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    internal const string ColumnPrefix = "% of area that is Greenspace";

    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "green-greenspace-area",
        Name = "Share of area that is greenspace",
        Domain = "green space",
        Unit = "% of borough area",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Greater London Authority",
        Dataset = "London Borough Profiles and Atlas 2017/18: % of area that is Greenspace",
        Url = new Uri("https://data.london.gov.uk/dataset/london-borough-profiles"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Reference year as given in the column header (2005: Generalised Land Use Database). The 2017/18 profiles "
            + "are the latest edition with this column, so every later request gets the 2005 value; the period on each "
            + "value shows it. '.' and 'n/a' cells are NotAvailable. London boroughs, Inner/Outer London, London, England.",
    };

    protected override string FileName => "gla_london_borough_profiles_2017.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table)
    {
        var area = csv.Column("New code");
        var column = -1;
        for (var i = 0; i < csv.Header.Count; i++)
        {
            if (csv.Header[i].Trim().StartsWith(ColumnPrefix, StringComparison.OrdinalIgnoreCase))
            {
                column = i;
                break;
            }
        }

        if (column < 0)
        {
            throw csv.Error($"no column starting '{ColumnPrefix}' in the header.", 1);
        }

        var header = csv.Header[column].Trim();
        var comma = header.LastIndexOf(',');
        if (comma < 0 || !int.TryParse(header.AsSpan(comma + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1800 or > 9998)
        {
            throw csv.Error($"column '{header}' does not end with its reference year (like ', 2005').", 1);
        }

        var period = ReferencePeriod.ForCalendarYear(year);
        foreach (var r in csv.Records())
        {
            var text = r[column].Trim();
            var observation = text is "." or "n/a"
                ? new Observation(period, null, ValueStatus.NotAvailable, $"GLA: '{text}' (not available) in the borough profiles.")
                : Observation.Ok(period, csv.Number(r, column));
            table.Add(r[area].Trim(), observation, r.Line);
        }
    }
}
