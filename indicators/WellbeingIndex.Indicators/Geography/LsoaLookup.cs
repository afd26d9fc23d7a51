using System.Collections.Frozen;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Geography;

/// <summary>
/// LSOA → local authority → region, for both LSOA vintages, read from the LSOA rows of DESNZ's sub-regional fuel
/// poverty table (the IoD 2025 LSOA file has no local-authority column; PROVENANCE.md names this join). 2021 LSOAs come
/// from the 2021–2022 rows, whose 296 local authority codes are the 2024 districts of the IoD 2025 summaries; 2011
/// LSOAs from the 2019–2020 rows (326 districts, 2020 boundaries). Parsed once per data directory.
/// </summary>
public sealed class LsoaLookup
{
    /// <summary>The file read (a <c>.gz</c> copy is read when the plain file is absent).</summary>
    public const string FileName = "desnz_subregional_fuel_poverty_lsoa_lilee_2019_2022.csv";

    private const string Reader = "lsoa-lookup";

    private readonly FrozenDictionary<string, LsoaPlace>[] _byCode;
    private readonly IReadOnlyList<LsoaPlace>[] _ordered;
    private readonly FrozenDictionary<string, LsoaPlace[]>[] _byLa;

    private LsoaLookup(Dictionary<string, LsoaPlace>[] byCode)
    {
        _byCode = byCode.Select(d => d.ToFrozenDictionary(StringComparer.Ordinal)).ToArray();
        _ordered = byCode.Select(d => (IReadOnlyList<LsoaPlace>)d.Values.OrderBy(p => p.LsoaCode, StringComparer.Ordinal).ToArray()).ToArray();
        _byLa = _ordered.Select(list => list.GroupBy(p => p.LaCode, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)).ToArray();
    }

    /// <summary>The lookup for <paramref name="context"/>'s data directory, parsed on first use.</summary>
    /// <exception cref="IndicatorDataException">The file is missing or malformed (named with its line).</exception>
    public static LsoaLookup For(ProviderContext context) => DataFileCache.Get(context, FileName, () => Parse(context));

    /// <summary>Every LSOA of <paramref name="vintage"/> in England, by code.</summary>
    public IReadOnlyList<LsoaPlace> All(LsoaVintage vintage) => _ordered[Index(vintage)];

    /// <summary>The LSOA's place, or null when <paramref name="lsoaCode"/> is not an English LSOA of <paramref name="vintage"/>.</summary>
    public LsoaPlace? Find(string lsoaCode, LsoaVintage vintage)
    {
        ArgumentNullException.ThrowIfNull(lsoaCode);
        return _byCode[Index(vintage)].GetValueOrDefault(lsoaCode);
    }

    /// <summary>The LSOAs of <paramref name="vintage"/> in local authority <paramref name="laCode"/>, by code; empty for an unknown code.</summary>
    public IReadOnlyList<LsoaPlace> In(string laCode, LsoaVintage vintage)
    {
        ArgumentNullException.ThrowIfNull(laCode);
        return _byLa[Index(vintage)].TryGetValue(laCode, out var places) ? places : [];
    }

    /// <summary>The local authority codes of <paramref name="vintage"/>'s lookup, ordered.</summary>
    public IReadOnlyList<string> LocalAuthorities(LsoaVintage vintage) => _byLa[Index(vintage)].Keys.Order(StringComparer.Ordinal).ToArray();

    private static int Index(LsoaVintage vintage) => vintage switch
    {
        LsoaVintage.Lsoa2011 => 0,
        LsoaVintage.Lsoa2021 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(vintage), vintage, "Not an LSOA vintage."),
    };

    private static LsoaLookup Parse(ProviderContext context)
    {
        using var csv = CsvReader.Open(context, Reader, FileName);
        int code = csv.Column("lsoa_code"), name = csv.Column("lsoa_name"), vintageColumn = csv.Column("lsoa_vintage"),
            la = csv.Column("la_code"), laName = csv.Column("la_name"), region = csv.Column("region");
        var byCode = new[] { new Dictionary<string, LsoaPlace>(StringComparer.Ordinal), new Dictionary<string, LsoaPlace>(StringComparer.Ordinal) };
        var lines = new[] { new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal) };
        foreach (var r in csv.Records())
        {
            var vintage = r[vintageColumn].Trim() switch
            {
                "LSOA2011" => LsoaVintage.Lsoa2011,
                "LSOA2021" => LsoaVintage.Lsoa2021,
                var other => throw csv.Error($"column 'lsoa_vintage' is '{other}'; expected LSOA2011 or LSOA2021.", r.Line),
            };
            var regionName = r[region].Trim();
            if (!Regions.TryGetCode(regionName, out var regionCode))
            {
                throw csv.Error($"column 'region' is '{regionName}', not an English region.", r.Line);
            }

            var lsoa = r[code].Trim();
            var laCode = r[la].Trim();
            if (lsoa.Length == 0 || laCode.Length == 0)
            {
                throw csv.Error("the LSOA or local authority code is blank.", r.Line);
            }

            var place = new LsoaPlace(lsoa, r[name].Trim(), vintage, laCode, r[laName].Trim(), regionCode, regionName);
            var i = Index(vintage);
            if (byCode[i].TryGetValue(lsoa, out var earlier))
            {
                if (earlier.LaCode != laCode || earlier.RegionCode != regionCode)
                {
                    throw csv.Error($"LSOA '{lsoa}' ({vintage}) is in {laCode}/{regionName} here but in {earlier.LaCode}/{earlier.RegionName} on line {lines[i][lsoa]}.", r.Line);
                }

                continue;
            }

            byCode[i][lsoa] = place;
            lines[i][lsoa] = r.Line;
        }

        return new LsoaLookup(byCode);
    }
}
