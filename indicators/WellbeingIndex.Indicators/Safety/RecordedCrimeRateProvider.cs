using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;
using WellbeingIndex.Indicators.Population;

namespace WellbeingIndex.Indicators.Safety;

/// <summary>
/// Offences recorded by the Metropolitan Police per 1,000 residents, by borough and financial year. All offences are
/// summed: the total is robust to the MPS renaming and splitting categories (domestic burglary became residential
/// burglary in 2023; fraud moved to Action Fraud in 2013), where one category would break its series.
/// </summary>
public sealed class RecordedCrimeRateProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    private const string CityOfLondon = "E09000001";

    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "safety-recorded-crime-rate",
        Name = "Offences recorded by the Metropolitan Police per 1,000 residents",
        Domain = "safety",
        Unit = "offences per 1,000 residents",
        Direction = Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Metropolitan Police Service (London Datastore); population: Office for National Statistics",
        Dataset = "MPS recorded crime: borough level, major and minor category, monthly (historical and most recent 24 months); ONS small area population estimates and Census 2021",
        Url = new Uri("https://data.london.gov.uk/dataset/recorded_crime_summary"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.FinancialYear,
        Notes = "Financial years (April to March): the sum over all major and minor categories of the 12 monthly counts, "
            + "April 2010 to March 2025 (the months of a financial year not yet complete are not used). Rate method: offences "
            + "divided by the borough's residents, times 1,000, with residents summed from LSOAs (population-la) at the latest "
            + "population date on or before the end of the financial year: mid-2017 for 2017/18 and 2018/19, mid-2019 for "
            + "2019/20, Census 2021 (21 March 2021) for 2020/21 on. Before 2017/18 there is no population in the data, so "
            + "those years are NotAvailable (the counts exist). The step from mid-2019 estimates to Census 2021 lowers some "
            + "central boroughs' population sharply (Westminster 261,317 to 204,214), raising their rate. Offences are counted "
            + "where they happen, so central boroughs with many visitors have high rates. Recent months are revised by the MPS. "
            + "The City of London is policed by the City of London Police (NotAvailable); rows for Heathrow and London City "
            + "airports and 'Unknown' (not_a_borough) are not counted.",
    };

    protected override string FileName => "mps_recorded_crime_borough_monthly_2010_2025.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table)
    {
        int area = csv.Column("area_code"), month = csv.Column("month"), offences = csv.Column("offences"), flag = csv.Column("flag");
        var totals = new Dictionary<(string Code, int Year), (double Offences, HashSet<int> Months, int Line)>();
        foreach (var r in csv.Records())
        {
            var flagText = r[flag].Trim();
            if (flagText == "not_a_borough")
            {
                continue;
            }

            if (flagText.Length > 0)
            {
                throw csv.Error($"unknown flag '{flagText}'; expected not_a_borough.", r.Line);
            }

            var text = r[month].Trim();
            if (text.Length != 7 || text[4] != '-' || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12 || y < 1800)
            {
                throw csv.Error($"column 'month' is '{r[month]}', not YYYY-MM.", r.Line);
            }

            var count = csv.Number(r, offences);
            if (count < 0 || count != Math.Floor(count))
            {
                throw csv.Error($"column 'offences' is {r[offences]}, not a count.", r.Line);
            }

            var key = (r[area].Trim(), m >= 4 ? y : y - 1);
            var entry = totals.TryGetValue(key, out var t) ? t : (0, new HashSet<int>(), r.Line);
            entry.Months.Add(m);
            totals[key] = (entry.Offences + count, entry.Months, entry.Line);
        }

        var population = LsoaPopulation.For(Context);
        foreach (var ((code, year), (count, months, line)) in totals.OrderBy(kv => kv.Key))
        {
            if (months.Count < 12)
            {
                continue;
            }

            var period = ReferencePeriod.ForFinancialYear(year);
            var residents = population.LocalAuthority(code, period);
            table.Add(code, residents is { Persons: > 0 } p
                ? Observation.Ok(period, count / p.Persons * 1000)
                : new Observation(period, null, ValueStatus.NotAvailable, string.Create(CultureInfo.InvariantCulture,
                    $"{count:0} offences recorded, but no population for '{code}' on or before {period.End:uuuu-MM-dd} in {LsoaPopulation.FileName} (first: {population.Periods[0]}).")),
                line);
        }

        foreach (var year in totals.Where(kv => kv.Value.Months.Count == 12).Select(kv => kv.Key.Year).Distinct())
        {
            table.Add(CityOfLondon, new Observation(ReferencePeriod.ForFinancialYear(year), null, ValueStatus.NotAvailable,
                "The City of London is policed by the City of London Police, not the Metropolitan Police: no MPS count."), 1);
        }
    }
}
