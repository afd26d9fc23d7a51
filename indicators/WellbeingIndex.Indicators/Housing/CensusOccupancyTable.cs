using System.Collections.Frozen;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Housing;

/// <summary>
/// Census 2021 TS052, occupancy rating for bedrooms, by 2021 LSOA (England and Wales): for each LSOA the households
/// with a rating of −1 or −2 or less (fewer bedrooms than the household needs: overcrowded) and all households. Parsed
/// once per data directory; the five ratings must add up to the published total.
/// </summary>
public sealed class CensusOccupancyTable
{
    /// <summary>The file read (a <c>.gz</c> copy is read when the plain file is absent).</summary>
    public const string FileName = "ons_census2021_occupancy_rating_bedrooms_lsoa21.csv";

    private const string Reader = "overcrowding-census2021";

    private static readonly string[] Ratings = ["-2 or less", "-1", "0", "+1", "+2 or more"];

    private readonly FrozenDictionary<string, Households> _byCode;

    private CensusOccupancyTable(Dictionary<string, Households> byCode) => _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How many LSOAs the file has.</summary>
    public int Count => _byCode.Count;

    /// <summary>The table for <paramref name="context"/>'s data directory, parsed on first use.</summary>
    public static CensusOccupancyTable For(ProviderContext context) => DataFileCache.Get(context, FileName, () => Parse(context));

    /// <summary>The LSOA's households, or null when it is not in the file.</summary>
    public Households? Find(string lsoaCode)
    {
        ArgumentNullException.ThrowIfNull(lsoaCode);
        return _byCode.TryGetValue(lsoaCode, out var h) ? h : null;
    }

    private static CensusOccupancyTable Parse(ProviderContext context)
    {
        using var csv = CsvReader.Open(context, Reader, FileName);
        int code = csv.Column("lsoa21_code"), rating = csv.Column("occupancy_rating_bedrooms"), households = csv.Column("households"),
            total = csv.Column("total_households");
        var rows = new Dictionary<string, (double Over, double Sum, double Total, int Seen, int Line)>(StringComparer.Ordinal);
        foreach (var r in csv.Records())
        {
            // The source labels are "-1 (overcrowded)", "+1 (under-occupied)", "0 (ideal)": the rating is before " (".
            var label = r[rating].Trim();
            var cut = label.IndexOf(" (", StringComparison.Ordinal);
            var key = cut < 0 ? label : label[..cut];
            var k = Array.IndexOf(Ratings, key);
            if (k < 0)
            {
                throw csv.Error($"unknown occupancy rating '{label}'; expected {string.Join(", ", Ratings)}.", r.Line);
            }

            var lsoa = r[code].Trim();
            var n = csv.Number(r, households);
            var t = csv.Number(r, total);
            var row = rows.GetValueOrDefault(lsoa, (0, 0, t, 0, r.Line));
            if ((row.Seen & (1 << k)) != 0)
            {
                throw csv.Error($"duplicate row: '{lsoa}' rating '{key}' given twice.", r.Line);
            }

            if (t != row.Total || n < 0)
            {
                throw csv.Error($"'{lsoa}': households {r[households]} or total {r[total]} disagrees with line {row.Line} (total {row.Total}).", r.Line);
            }

            rows[lsoa] = (row.Over + (k <= 1 ? n : 0), row.Sum + n, t, row.Seen | (1 << k), row.Line);
        }

        var byCode = new Dictionary<string, Households>(StringComparer.Ordinal);
        foreach (var (lsoa, row) in rows)
        {
            if (row.Seen != (1 << Ratings.Length) - 1 || row.Sum != row.Total)
            {
                throw new IndicatorDataException(Reader, $"LSOA '{lsoa}' (from line {row.Line}): the ratings present add up to {row.Sum}, not the total {row.Total}.", FileName, row.Line);
            }

            byCode[lsoa] = new Households(row.Over, row.Total);
        }

        return new CensusOccupancyTable(byCode);
    }

    /// <summary>Overcrowded households (rating −1 or −2 or less) and all households, Census 2021.</summary>
    public readonly record struct Households(double Overcrowded, double Total)
    {
        /// <summary>Overcrowded households as a percentage of all households; null when there are none.</summary>
        public double? Percent => Total > 0 ? 100 * Overcrowded / Total : null;
    }
}
