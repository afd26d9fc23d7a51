using System.Collections.Frozen;
using System.Globalization;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;
using WellbeingIndex.Indicators.Geography;

namespace WellbeingIndex.Indicators.Population;

/// <summary>
/// Resident population of every LSOA in England and Wales: ONS mid-year estimates (SAPE) for mid-2017, mid-2019 and
/// mid-2020 on 2011 LSOAs, and the Census 2021 usual-resident count (TS021, 21 March 2021) on 2021 LSOAs. Mid-year
/// estimates are dated 30 June. Local-authority populations are sums of their LSOAs (<see cref="LocalAuthority"/>).
/// Parsed once per data directory.
/// </summary>
public sealed class LsoaPopulation
{
    /// <summary>The file read (a <c>.gz</c> copy is read when the plain file is absent).</summary>
    public const string FileName = "ons_population_lsoa_2017_2021.csv";

    /// <summary>Census day 2021: the date of the TS021 counts on 2021 LSOAs.</summary>
    public static readonly ReferencePeriod CensusDay2021 = ReferencePeriod.ForDate(new LocalDate(2021, 3, 21));

    private const string Reader = "population-lsoa";

    private readonly ProviderContext _context;
    private readonly FrozenDictionary<(string Code, ReferencePeriod Period), double> _persons;

    private LsoaPopulation(ProviderContext context, SeriesTable table, Dictionary<(string, ReferencePeriod), double> persons)
    {
        _context = context;
        Table = table;
        _persons = persons.ToFrozenDictionary();
    }

    /// <summary>The populations for <paramref name="context"/>'s data directory, parsed on first use.</summary>
    /// <exception cref="IndicatorDataException">The file is missing or malformed (named with its line).</exception>
    public static LsoaPopulation For(ProviderContext context) => DataFileCache.Get(context, FileName, () => Parse(context));

    /// <summary>Every period in the file, oldest first: 30 June 2017, 2019, 2020 (2011 LSOAs) and 21 March 2021 (2021 LSOAs).</summary>
    public IReadOnlyList<ReferencePeriod> Periods => Table.Periods;

    internal SeriesTable Table { get; }

    /// <summary>The boundary set a population period is published on: Census 2021 on 2021 LSOAs, mid-year estimates on 2011 LSOAs.</summary>
    public static LsoaVintage VintageOf(ReferencePeriod period) => period >= CensusDay2021 ? LsoaVintage.Lsoa2021 : LsoaVintage.Lsoa2011;

    /// <summary>The LSOA's population at exactly <paramref name="period"/> (one of <see cref="Periods"/>), or null when the file has none.</summary>
    public double? Persons(string lsoaCode, ReferencePeriod period)
    {
        ArgumentNullException.ThrowIfNull(lsoaCode);
        return _persons.TryGetValue((lsoaCode, period), out var n) ? n : null;
    }

    /// <summary>
    /// A local authority's population as the sum of its LSOAs, at the latest population period ending on or before
    /// <paramref name="period"/>: Census 2021 over its 2021 LSOAs (2024 district codes) from 2021 on, the mid-year
    /// estimate over its 2011 LSOAs (2020 district codes) before. Null when no population period ends by then, or when
    /// <paramref name="laCode"/> is not a district of that period's lookup (a 2024 code before 2021, for instance).
    /// </summary>
    /// <exception cref="IndicatorDataException">One of the district's LSOAs has no population row.</exception>
    public LocalAuthorityPopulation? LocalAuthority(string laCode, ReferencePeriod period)
    {
        ArgumentNullException.ThrowIfNull(laCode);
        ReferencePeriod? chosen = null;
        foreach (var p in Periods)
        {
            if (p.EndsOnOrBefore(period))
            {
                chosen = p;
            }
        }

        if (chosen is not { } at)
        {
            return null;
        }

        var vintage = VintageOf(at);
        var lsoas = LsoaLookup.For(_context).In(laCode, vintage);
        if (lsoas.Count == 0)
        {
            return null;
        }

        var sum = 0.0;
        foreach (var lsoa in lsoas)
        {
            sum += Persons(lsoa.LsoaCode, at)
                ?? throw new IndicatorDataException(Reader, $"LSOA '{lsoa.LsoaCode}' of {laCode} ({vintage}) has no population for {at}.", FileName);
        }

        var source = vintage == LsoaVintage.Lsoa2021 ? "Census 2021 usual residents (TS021)" : $"ONS mid-{at.Start.Year} small area population estimates";
        var method = string.Create(CultureInfo.InvariantCulture,
            $"sum of {source} over the {lsoas.Count} {(vintage == LsoaVintage.Lsoa2021 ? "2021" : "2011")} LSOAs of {laCode} "
            + $"(LSOA to district from the DESNZ fuel-poverty LSOA table, {(vintage == LsoaVintage.Lsoa2021 ? "2024" : "2020")} district boundaries)");
        return new LocalAuthorityPopulation(laCode, sum, at, vintage, lsoas.Count, method);
    }

    private static LsoaPopulation Parse(ProviderContext context)
    {
        using var csv = CsvReader.Open(context, Reader, FileName);
        int code = csv.Column("lsoa_code"), vintageColumn = csv.Column("lsoa_vintage"), periodColumn = csv.Column("period"),
            population = csv.Column("population"), flag = csv.Column("flag");
        var builder = new SeriesTable.Builder(FileName, csv.Error);
        var persons = new Dictionary<(string, ReferencePeriod), double>();
        foreach (var r in csv.Records())
        {
            var text = r[periodColumn].Trim();
            var (period, vintage) = text switch
            {
                "census-2021-03-21" => (CensusDay2021, "LSOA2021"),
                _ when text.StartsWith("mid-", StringComparison.Ordinal) && text.Length == 8
                       && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 9998
                    => (ReferencePeriod.ForDate(new LocalDate(year, 6, 30)), "LSOA2011"),
                _ => throw csv.Error($"column 'period' is '{text}'; expected mid-YYYY or census-2021-03-21.", r.Line),
            };
            if (r[vintageColumn].Trim() != vintage)
            {
                throw csv.Error($"period '{text}' is published on {vintage} but the row says '{r[vintageColumn]}'.", r.Line);
            }

            if (r[flag].Trim().Length > 0)
            {
                throw csv.Error($"unknown flag '{r[flag]}' (this file has none).", r.Line);
            }

            var n = csv.Number(r, population);
            if (n < 0)
            {
                throw csv.Error($"column 'population' is {r[population]}, negative.", r.Line);
            }

            var lsoa = r[code].Trim();
            builder.Add(lsoa, Observation.Ok(period, n), r.Line);
            persons[(lsoa, period)] = n;
        }

        return new LsoaPopulation(context, builder.Build(), persons);
    }
}
