using System.Collections.Immutable;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// Indicator values for a set of areas, stored by column (one <c>double[]</c> per indicator, NaN = missing) so that
/// every step works on contiguous arrays: this is what lets 33,000 areas × 40 indicators compute in milliseconds.
/// </summary>
public sealed class IndicatorData
{
    private readonly Dictionary<string, double[]> _columns;
    private readonly Dictionary<string, int> _areaIndex;

    /// <param name="areaCodes">Unique area codes, one per row.</param>
    /// <param name="columns">Indicator code → values (copied), each as long as <paramref name="areaCodes"/>.</param>
    /// <param name="areaNames">Optional display names, one per row.</param>
    /// <param name="groups">Optional grouping columns (for group imputation), name → label per row.</param>
    public IndicatorData(IReadOnlyList<string> areaCodes, IReadOnlyDictionary<string, double[]> columns,
        IReadOnlyList<string>? areaNames = null, IReadOnlyDictionary<string, string[]>? groups = null)
        : this(areaCodes, columns, areaNames, groups, copy: true)
    {
    }

    private IndicatorData(IReadOnlyList<string> areaCodes, IReadOnlyDictionary<string, double[]> columns,
        IReadOnlyList<string>? areaNames, IReadOnlyDictionary<string, string[]>? groups, bool copy)
    {
        ArgumentNullException.ThrowIfNull(areaCodes);
        ArgumentNullException.ThrowIfNull(columns);
        var n = areaCodes.Count;
        _areaIndex = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (string.IsNullOrWhiteSpace(areaCodes[i]))
            {
                throw new ArgumentException($"Area code at row {i + 1} is empty.", nameof(areaCodes));
            }

            if (!_areaIndex.TryAdd(areaCodes[i], i))
            {
                throw new ArgumentException($"Area code '{areaCodes[i]}' appears twice (rows {_areaIndex[areaCodes[i]] + 1} and {i + 1}).", nameof(areaCodes));
            }
        }

        _columns = new Dictionary<string, double[]>(columns.Count, StringComparer.Ordinal);
        foreach (var (code, values) in columns)
        {
            if (values.Length != n)
            {
                throw new ArgumentException($"Column '{code}' has {values.Length} values for {n} areas.", nameof(columns));
            }

            for (var i = 0; i < values.Length; i++)
            {
                if (double.IsInfinity(values[i]))
                {
                    throw new ArgumentException($"Column '{code}' has an infinite value for area '{areaCodes[i]}'.", nameof(columns));
                }
            }

            _columns[code] = copy ? (double[])values.Clone() : values;
        }

        if (areaNames is not null && areaNames.Count != n)
        {
            throw new ArgumentException($"{areaNames.Count} area names for {n} areas.", nameof(areaNames));
        }

        var g = ImmutableDictionary.CreateBuilder<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, labels) in groups ?? ImmutableDictionary<string, string[]>.Empty)
        {
            if (labels.Length != n)
            {
                throw new ArgumentException($"Group column '{name}' has {labels.Length} labels for {n} areas.", nameof(groups));
            }

            g[name] = copy ? (string[])labels.Clone() : labels;
        }

        AreaCodes = [.. areaCodes];
        AreaNames = areaNames is null ? AreaCodes : [.. areaNames];
        Groups = g.ToImmutable();
        ColumnCodes = [.. columns.Keys];
    }

    /// <summary>The same checks without copying: for readers that built the arrays and hand them over.</summary>
    internal static IndicatorData Own(IReadOnlyList<string> areaCodes, IReadOnlyDictionary<string, double[]> columns,
        IReadOnlyList<string>? areaNames = null, IReadOnlyDictionary<string, string[]>? groups = null) =>
        new(areaCodes, columns, areaNames, groups, copy: false);

    public ImmutableArray<string> AreaCodes { get; }

    public ImmutableArray<string> AreaNames { get; }

    public ImmutableDictionary<string, string[]> Groups { get; }

    /// <summary>Indicator codes in the order they were given.</summary>
    public ImmutableArray<string> ColumnCodes { get; }

    public int AreaCount => AreaCodes.Length;

    public bool HasColumn(string code) => _columns.ContainsKey(code);

    public ReadOnlySpan<double> Column(string code) =>
        _columns.TryGetValue(code, out var c) ? c : throw new KeyNotFoundException($"No indicator column '{code}'.");

    /// <summary>The row of <paramref name="areaCode"/>, or −1.</summary>
    public int IndexOfArea(string areaCode) => _areaIndex.TryGetValue(areaCode, out var i) ? i : -1;

    /// <summary>The rows <paramref name="rows"/> only (as a screen step leaves them), every column and group kept.</summary>
    public IndicatorData Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        T[] Pick<T>(IReadOnlyList<T> source) => rows.Select(r => source[r]).ToArray();
        return new IndicatorData(Pick(AreaCodes), _columns.ToDictionary(c => c.Key, c => Pick(c.Value), StringComparer.Ordinal),
            Pick(AreaNames), Groups.ToDictionary(g => g.Key, g => Pick(g.Value), StringComparer.Ordinal));
    }

    /// <summary>The stored array itself; the engine never writes to it.</summary>
    internal double[] ColumnArray(string code) => _columns[code];

    internal Dictionary<string, int> AreaIndex => _areaIndex;
}
