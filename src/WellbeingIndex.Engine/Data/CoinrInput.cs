using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// COINr's input pair, so COINr and COIN Tool projects move over unchanged: <c>iData</c> (uCode, uName, optional group
/// and Time columns, one column per indicator) and <c>iMeta</c> (Level, iCode, iName, Direction, Weight, Parent, Type).
/// iMeta rows of type Group name grouping columns, rows of type Denominator the iData columns an indicator's optional
/// <c>Denominator</c> cell may name (read as numbers beside the indicators); Other rows are ignored.
/// </summary>
public static class CoinrInput
{
    private static readonly string[] MetaColumns = ["Level", "iCode", "iName", "Direction", "Weight", "Parent", "Type"];

    /// <summary>The hierarchy of an iMeta file, plus the names of its group columns.</summary>
    public sealed record Meta(IReadOnlyList<NodeDefinition> Nodes, IReadOnlyList<string> GroupColumns, IReadOnlyDictionary<string, int> DeclaredLevels,
        IReadOnlyList<string> DenominatorColumns);

    /// <summary>Reads (and disposes) an iMeta table.</summary>
    /// <exception cref="InputDataException">A required column is missing or a row is invalid; names the line and column.</exception>
    public static Meta ReadMeta(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var _ = table;
        var col = MetaColumns.ToDictionary(c => c, table.Require, StringComparer.Ordinal);
        var nodes = new List<NodeDefinition>();
        var groups = new List<string>();
        var denominators = new List<string>();
        var denominatorCol = table.IndexOf("Denominator");
        var nodeLines = new List<int>();
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        while (table.Next())
        {
            var code = table.Text(col["iCode"]);
            var type = table.Text(col["Type"]).ToLowerInvariant();
            switch (type)
            {
                case "group":
                    groups.Add(code);
                    continue;
                case "denominator":
                    denominators.Add(code);
                    continue;
                case "other":
                    continue;
                case not ("indicator" or "aggregate"):
                    throw new InputDataException($"Type '{table.Text(col["Type"])}' is not one of Indicator, Aggregate, Group, Denominator, Other", table.Source, table.Line, "Type");
            }

            var level = table.Number(col["Level"], "Level");
            if (double.IsNaN(level) || level < 1 || level != Math.Floor(level))
            {
                throw new InputDataException($"Level '{table.Text(col["Level"])}' must be a whole number from 1", table.Source, table.Line, "Level");
            }

            var weight = table.Number(col["Weight"], "Weight");
            var direction = type == "indicator" ? table.Number(col["Direction"], "Direction") : 1;
            var parent = table.Text(col["Parent"]);
            var denominator = denominatorCol >= 0 && type == "indicator" ? table.Text(denominatorCol) : "";
            nodeLines.Add(table.Line);
            levels[code] = (int)level;
            nodes.Add(new NodeDefinition
            {
                Code = code,
                Name = NullIfEmpty(table.Text(col["iName"])),
                Type = type == "indicator" ? NodeType.Indicator : NodeType.Aggregate,
                Parent = parent.Length == 0 || parent == "NA" ? null : parent,
                Weight = double.IsNaN(weight) ? 1 : weight,
                Direction = double.IsNaN(direction) ? 1 : (int)direction == direction ? (int)direction : 0,
                Denominator = denominator.Length == 0 || denominator == "NA" ? null : denominator,
            });
        }

        foreach (var (node, line) in nodes.Zip(nodeLines))
        {
            if (node.Denominator is { } d && !denominators.Contains(d))
            {
                throw new InputDataException($"Denominator '{d}' of '{node.Code}' is not an iMeta row of Type Denominator", table.Source, line, "Denominator");
            }
        }

        return new Meta(nodes, groups, levels, denominators);
    }

    /// <summary>
    /// Reads (and disposes) iData: <paramref name="indicatorCodes"/> as numbers (every other column when null), group
    /// columns as labels. Columns named <c>Group_*</c> are group columns too, as in COINr's examples. One pass, numbers
    /// parsed in place.
    /// </summary>
    /// <exception cref="InputDataException">A column is missing, a code is empty or repeated, a cell is not a number, or the Time column holds several periods.</exception>
    public static IndicatorData ReadData(CsvTable table, IReadOnlyCollection<string>? indicatorCodes = null, IReadOnlyCollection<string>? groupColumns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var periods = ReadPeriods(table, indicatorCodes, groupColumns, parsePeriods: false, atLeastOne: true);
        return periods.Count == 1
            ? periods.Values.First().ToData()
            : throw new InputDataException("the Time column holds several periods; give one period's rows, or compute the panel with a time mode (--time)", table.Source, null, "Time");
    }

    /// <summary>
    /// Reads (and disposes) panel iData (COINr's <c>ASEM_iData_p</c>): a <c>Time</c> column and one row per unit and
    /// period, each period read as <see cref="ReadData"/> reads a single one. Time values are periods (2018, 2018/19, 2018-03).
    /// </summary>
    /// <exception cref="InputDataException">No Time column, a Time value that is not a period, periods of several kinds, or a row invalid as in <see cref="ReadData"/>.</exception>
    public static PanelData ReadPanel(CsvTable table, IReadOnlyCollection<string>? indicatorCodes = null, IReadOnlyCollection<string>? groupColumns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Require("Time");
        var periods = ReadPeriods(table, indicatorCodes, groupColumns, parsePeriods: true, atLeastOne: false);
        if (periods.Count == 0)
        {
            throw new InputDataException("no data rows", table.Source, null, "Time");
        }

        var parsed = periods.Keys.Select(k => ReferencePeriod.Parse(k)).ToList();
        if (parsed.Select(p => p.Kind).Distinct().Count() > 1)
        {
            throw new InputDataException($"the Time column mixes kinds of period ({string.Join(", ", parsed.Order())}); use one", table.Source, null, "Time");
        }

        return new PanelData([.. periods.Values.Select((rows, i) => (parsed[i], rows.ToData()))]);
    }

    /// <summary>
    /// Reads a panel iData/iMeta pair into panel data and a definition with the given recipe (as <see cref="Read"/>);
    /// <paramref name="extraColumns"/> are further numeric iData columns kept beside the indicators (base weights).
    /// </summary>
    public static (PanelData Data, IndexDefinition Definition) ReadPanel(string iDataPath, string iMetaPath,
        IReadOnlyList<StepDefinition> steps, IReadOnlyCollection<string>? extraColumns = null, string? id = null, MethodRegistry? registry = null)
    {
        var (meta, definition) = ReadDefinition(iMetaPath, steps, id, registry);
        var codes = definition.Indicators.Select(i => i.Code).Concat(meta.DenominatorColumns).Concat(extraColumns ?? []).Distinct(StringComparer.Ordinal).ToList();
        return (ReadPanel(CsvTable.ReadFile(iDataPath), codes, meta.GroupColumns), definition);
    }

    /// <summary>The rows of one Time value (all rows when there is no Time column), keyed by the Time text in file order.</summary>
    private static Dictionary<string, PeriodRows> ReadPeriods(CsvTable table, IReadOnlyCollection<string>? indicatorCodes, IReadOnlyCollection<string>? groupColumns, bool parsePeriods, bool atLeastOne)
    {
        using var _ = table;
        var codeCol = table.Require("uCode");
        var nameCol = table.IndexOf("uName");
        var timeCol = table.IndexOf("Time");
        var groups = new HashSet<string>(groupColumns ?? [], StringComparer.Ordinal);
        foreach (var h in table.Header.Where(h => h.StartsWith("Group_", StringComparison.OrdinalIgnoreCase)))
        {
            groups.Add(h);
        }

        var reserved = new HashSet<string>(["uCode", "uName", "Time"], StringComparer.OrdinalIgnoreCase);
        var indicators = indicatorCodes?.ToList()
            ?? table.Header.Where(h => !reserved.Contains(h) && !groups.Contains(h)).ToList();
        var indicatorColumns = new int[indicators.Count];
        for (var k = 0; k < indicators.Count; k++)
        {
            indicatorColumns[k] = table.Header.ToList().FindIndex(h => h == indicators[k]);
            if (indicatorColumns[k] < 0)
            {
                throw new InputDataException($"no column for indicator '{indicators[k]}'", table.Source, 1);
            }
        }

        var groupIndex = groups.Select(g => (Name: g, Column: table.IndexOf(g))).ToList();
        var missingGroup = groupIndex.FirstOrDefault(g => g.Column < 0);
        if (missingGroup.Name is not null)
        {
            throw new InputDataException($"no column for group '{missingGroup.Name}' named in iMeta", table.Source, 1);
        }

        var periods = new Dictionary<string, PeriodRows>(StringComparer.Ordinal);
        var periodLookup = periods.GetAlternateLookup<ReadOnlySpan<char>>();
        PeriodRows? single = null;
        while (table.Next())
        {
            PeriodRows rows;
            if (timeCol < 0)
            {
                rows = single ??= periods[""] = new PeriodRows(indicators, groupIndex.Select(g => g.Name).ToList(), table.RecordCountHint ?? 1024);
            }
            else if (!periodLookup.TryGetValue(table[timeCol], out rows!))
            {
                var text = table.Text(timeCol);
                if (parsePeriods && !ReferencePeriod.TryParse(text, out var _))
                {
                    throw new InputDataException($"'{text}' is not a period (use 2019, 2019/20, 2019-03 or 2019-03-31)", table.Source, table.Line, "Time");
                }

                rows = periods[text] = new PeriodRows(indicators, groupIndex.Select(g => g.Name).ToList(), 256);
            }

            rows.Add(table, codeCol, nameCol, indicatorColumns, groupIndex.Select(g => g.Column).ToArray());
        }

        if (atLeastOne && periods.Count == 0)
        {
            periods[""] = new PeriodRows(indicators, groupIndex.Select(g => g.Name).ToList(), 0);
        }

        return periods;
    }

    /// <summary>One period's units, read row by row into growing columns.</summary>
    private sealed class PeriodRows(IReadOnlyList<string> indicators, IReadOnlyList<string> groups, int capacity)
    {
        private readonly List<string> _codes = new(capacity);
        private readonly List<string> _names = new(capacity);
        private readonly double[][] _values = indicators.Select(_ => ColumnMemory.New(Math.Max(capacity, 1))).ToArray();
        private readonly List<string>[] _labels = groups.Select(_ => new List<string>(capacity)).ToArray();
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public void Add(CsvTable row, int codeCol, int nameCol, int[] indicatorColumns, int[] groupColumns)
        {
            var codeSpan = row[codeCol];
            if (codeSpan.IsEmpty)
            {
                throw new InputDataException("uCode is empty", row.Source, row.Line, "uCode");
            }

            if (_seen.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(codeSpan, out var firstLine))
            {
                throw new InputDataException(string.Create(CultureInfo.InvariantCulture, $"uCode '{codeSpan}' already appears on line {firstLine}"), row.Source, row.Line, "uCode");
            }

            var code = codeSpan.ToString();
            _seen[code] = row.Line;
            var n = _codes.Count;
            _codes.Add(code);
            _names.Add(nameCol >= 0 && !row[nameCol].IsEmpty ? row.Text(nameCol) : code);
            for (var k = 0; k < _values.Length; k++)
            {
                if (n == _values[k].Length)
                {
                    Array.Resize(ref _values[k], n * 2);
                }

                _values[k][n] = row.Number(indicatorColumns[k], indicators[k]);
            }

            for (var g = 0; g < _labels.Length; g++)
            {
                _labels[g].Add(row.Text(groupColumns[g]));
            }
        }

        public IndicatorData ToData()
        {
            var n = _codes.Count;
            var columns = new Dictionary<string, double[]>(_values.Length, StringComparer.Ordinal);
            for (var k = 0; k < _values.Length; k++)
            {
                Array.Resize(ref _values[k], n);
                columns[indicators[k]] = _values[k];
            }

            var groupLabels = _labels.Select((l, i) => (Name: groups[i], Labels: l.ToArray())).ToDictionary(x => x.Name, x => x.Labels, StringComparer.Ordinal);
            return IndicatorData.Own(_codes, columns, _names, groupLabels);
        }
    }

    /// <summary>
    /// Reads an iData/iMeta pair into data and a definition with the given recipe. iMeta's Level column is checked
    /// against the hierarchy its Parent column implies.
    /// </summary>
    public static (IndicatorData Data, IndexDefinition Definition) Read(string iDataPath, string iMetaPath,
        IReadOnlyList<StepDefinition> steps, string? id = null, MethodRegistry? registry = null)
    {
        var (meta, definition) = ReadDefinition(iMetaPath, steps, id, registry);
        var data = ReadData(CsvTable.ReadFile(iDataPath), definition.Indicators.Select(i => i.Code).Concat(meta.DenominatorColumns).ToList(), meta.GroupColumns);
        return (data, definition);
    }

    private static (Meta Meta, IndexDefinition Definition) ReadDefinition(string iMetaPath, IReadOnlyList<StepDefinition> steps, string? id, MethodRegistry? registry)
    {
        var metaTable = CsvTable.ReadFile(iMetaPath);
        var meta = ReadMeta(metaTable);
        var definition = IndexDefinition.Create(id ?? Path.GetFileNameWithoutExtension(iMetaPath).Replace(' ', '-'),
            meta.Nodes, steps, registry: registry);
        foreach (var node in definition.Nodes)
        {
            var computed = definition.LevelOf(node.Code);
            if (meta.DeclaredLevels[node.Code] != computed)
            {
                throw new InputDataException(
                    string.Create(CultureInfo.InvariantCulture, $"'{node.Code}' has Level {meta.DeclaredLevels[node.Code]} but its place in the hierarchy (Parent column) makes it level {computed}"),
                    metaTable.Source, null, "Level");
            }
        }

        return (meta, definition);
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
