using System.Collections.Frozen;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Deprivation;

/// <summary>
/// The IoD 2025 LSOA file (File 7, long form): score, rank and decile of the IMD and its seven domains for each of the
/// 33,755 2021 LSOAs. Rank 1 and decile 1 are the most deprived. Parsed once per data directory.
/// </summary>
public sealed class IodLsoaTable
{
    /// <summary>The file read (a <c>.gz</c> copy is read when the plain file is absent).</summary>
    public const string FileName = "mhclg_iod2025_lsoa21_domains.csv";

    private const string Reader = "iod2025";

    private readonly FrozenDictionary<string, Entry[]> _byCode;

    private IodLsoaTable(Dictionary<string, Entry[]> byCode)
    {
        _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        Codes = byCode.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every LSOA in the file, by code.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The table for <paramref name="context"/>'s data directory, parsed on first use.</summary>
    /// <exception cref="IndicatorDataException">Missing file, unknown domain, duplicate row, bad number or an LSOA lacking a domain.</exception>
    public static IodLsoaTable For(ProviderContext context) => DataFileCache.Get(context, FileName, () => Parse(context));

    /// <summary>The LSOA's published score, rank and decile in <paramref name="domain"/>; null when the LSOA is not in the file.</summary>
    public Entry? Find(string lsoaCode, IodDomain domain)
    {
        ArgumentNullException.ThrowIfNull(lsoaCode);
        ArgumentNullException.ThrowIfNull(domain);
        return _byCode.TryGetValue(lsoaCode, out var entries) ? entries[Index(domain)] : null;
    }

    private static int Index(IodDomain domain)
    {
        for (var i = 0; i < IodDomain.All.Count; i++)
        {
            if (IodDomain.All[i].Key == domain.Key)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{domain.Key}' is not an IoD 2025 domain.", nameof(domain));
    }

    private static IodLsoaTable Parse(ProviderContext context)
    {
        using var csv = CsvReader.Open(context, Reader, FileName);
        int code = csv.Column("lsoa21_code"), domainColumn = csv.Column("domain"), score = csv.Column("score"),
            rank = csv.Column("rank"), decile = csv.Column("decile");
        var byKey = IodDomain.All.Select((d, i) => (d.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var byCode = new Dictionary<string, Entry[]>(StringComparer.Ordinal);
        foreach (var r in csv.Records())
        {
            var key = r[domainColumn].Trim();
            if (!byKey.TryGetValue(key, out var d))
            {
                throw csv.Error($"unknown domain '{key}'; expected one of {string.Join(", ", byKey.Keys)}.", r.Line);
            }

            var lsoa = r[code].Trim();
            if (!byCode.TryGetValue(lsoa, out var entries))
            {
                byCode[lsoa] = entries = new Entry[IodDomain.All.Count];
            }

            if (entries[d].Line != 0)
            {
                throw csv.Error($"duplicate row: '{lsoa}' {key} already given on line {entries[d].Line}.", r.Line);
            }

            var rk = csv.Number(r, rank);
            var dc = csv.Number(r, decile);
            if (rk < 1 || rk != Math.Floor(rk) || dc is < 1 or > 10 || dc != Math.Floor(dc))
            {
                throw csv.Error($"rank '{r[rank]}' or decile '{r[decile]}' is not a whole number in range (rank >= 1, decile 1-10).", r.Line);
            }

            entries[d] = new Entry(csv.Number(r, score), (int)rk, (int)dc, r.Line);
        }

        foreach (var (lsoa, entries) in byCode)
        {
            var gap = Array.FindIndex(entries, e => e.Line == 0);
            if (gap >= 0)
            {
                throw new IndicatorDataException(Reader, $"LSOA '{lsoa}' has no '{IodDomain.All[gap].Key}' row.", FileName);
            }
        }

        return new IodLsoaTable(byCode);
    }

    /// <summary>One published cell: score, rank (1 = most deprived of 33,755) and decile (1 = most deprived tenth).</summary>
    public readonly record struct Entry(double Score, int Rank, int Decile, int Line);
}
