namespace WellbeingIndex.Engine.Methods;

/// <summary>What a column method may need besides the values: whose values they are and the area groupings.</summary>
public sealed class ColumnContext
{
    private readonly IReadOnlyDictionary<string, string[]> _groups;
    private readonly Dictionary<string, int> _areaIndex;

    internal ColumnContext(string indicatorCode, int direction, IReadOnlyList<string> areaCodes,
        IReadOnlyDictionary<string, string[]> groups, Dictionary<string, int> areaIndex)
    {
        IndicatorCode = indicatorCode;
        Direction = direction;
        AreaCodes = areaCodes;
        _groups = groups;
        _areaIndex = areaIndex;
    }

    /// <summary>Builds a context for tests and callers outside a pipeline run.</summary>
    public static ColumnContext For(string indicatorCode, IReadOnlyList<string> areaCodes, int direction = 1,
        IReadOnlyDictionary<string, string[]>? groups = null)
    {
        var index = new Dictionary<string, int>(areaCodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < areaCodes.Count; i++)
        {
            index[areaCodes[i]] = i;
        }

        return new ColumnContext(indicatorCode, direction, areaCodes, groups ?? new Dictionary<string, string[]>(), index);
    }

    /// <summary>The indicator (or aggregate) this column belongs to; used in error messages.</summary>
    public string IndicatorCode { get; }

    /// <summary>+1 or −1. Normalisers receive values already multiplied by it.</summary>
    public int Direction { get; }

    public IReadOnlyList<string> AreaCodes { get; }

    /// <summary>The code of the area in <paramref name="row"/>, for error messages (<c>#row</c> past the known codes).</summary>
    public string AreaCodeAt(int row) => row >= 0 && row < AreaCodes.Count ? AreaCodes[row] : $"#{row + 1}";

    /// <summary>The row of <paramref name="areaCode"/>, or −1.</summary>
    public int IndexOfArea(string areaCode) => _areaIndex.TryGetValue(areaCode, out var i) ? i : -1;

    /// <summary>The group label of every area for grouping column <paramref name="name"/>, or null when absent.</summary>
    public string[]? Group(string name) => _groups.TryGetValue(name, out var g) ? g : null;

    internal ColumnContext ForIndicator(string code, int direction) => new(code, direction, AreaCodes, _groups, _areaIndex);
}
