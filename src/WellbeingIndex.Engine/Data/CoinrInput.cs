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

        var columns = new Columns(codeCol, nameCol, indicatorColumns, [.. groupIndex.Select(g => g.Column)]);
        var groupNames = groupIndex.Select(g => g.Name).ToList();
        var periods = new Dictionary<string, PeriodRows>(StringComparer.Ordinal);
        if (timeCol < 0)
        {
            // After a read in parts that gave up, every row is written again.
            var all = periods[""] = new PeriodRows(indicators, groupNames, columns, table.RecordCountHint ?? 1024);
            if (!all.TryReadInParts(table))
            {
                while (table.Next())
                {
                    all.Add(table);
                }
            }

            return periods;
        }

        var periodLookup = periods.GetAlternateLookup<ReadOnlySpan<char>>();
        while (table.Next())
        {
            if (!periodLookup.TryGetValue(table[timeCol], out var rows))
            {
                var text = table.Text(timeCol);
                if (parsePeriods && !ReferencePeriod.TryParse(text, out var _))
                {
                    throw new InputDataException($"'{text}' is not a period (use 2019, 2019/20, 2019-03 or 2019-03-31)", table.Source, table.Line, "Time");
                }

                rows = periods[text] = new PeriodRows(indicators, groupNames, columns, 256);
            }

            rows.Add(table);
        }

        if (atLeastOne && periods.Count == 0)
        {
            periods[""] = new PeriodRows(indicators, groupNames, columns, 0);
        }

        return periods;
    }

    /// <summary>Where iData's cells are: uCode, uName (−1 when absent), the indicators', the groups'.</summary>
    private sealed record Columns(int Code, int Name, int[] Indicators, int[] Groups);

    /// <summary>One period's units, read row by row into columns sized once from the file's line count.</summary>
    private sealed class PeriodRows(IReadOnlyList<string> indicators, IReadOnlyList<string> groups, Columns columns, int capacity)
    {
        private readonly Dictionary<string, int> _seen = new(capacity, StringComparer.Ordinal);
        private string[] _codes = new string[capacity];
        private string[] _names = new string[capacity];
        private double[][] _values = [.. indicators.Select(_ => ColumnMemory.New(capacity))];
        private string[][] _labels = [.. groups.Select(_ => new string[capacity])];
        private int _count;

        /// <summary>Appends the current record, its uCode checked against those before it.</summary>
        public void Add(CsvTable row)
        {
            if (_count == _codes.Length)
            {
                var size = Math.Max(16, 2 * _count);
                Array.Resize(ref _codes, size);
                Array.Resize(ref _names, size);
                _values = [.. _values.Select(v => Resized(v, size))];
                _labels = [.. _labels.Select(l => Resized(l, size))];
            }

            Write(row, _count, unique: true);
            _count++;
        }

        /// <summary>
        /// Reads a single period's file in parts (<see cref="CsvTable.TryReadInParts"/>), each record straight into its
        /// row, then checks the uCodes in file order; the errors are the sequential read's. False, nothing kept: read
        /// the file with <see cref="Add"/>, which writes every row again.
        /// </summary>
        public bool TryReadInParts(CsvTable table)
        {
            if (!table.TryReadInParts((part, n) => Write(part, n, unique: false), out var rows, out var error))
            {
                return false;
            }

            // The failing record's uCode (already written unless the error came first) is checked before its cells, as Add does.
            var written = rows + (error is not null && _codes[rows] is not null ? 1 : 0);
            for (var n = 0; n < written; n++)
            {
                Claim(_codes[n], n + 2, table.Source);
            }

            error?.Throw();
            _count = rows;
            return true;
        }

        public IndicatorData ToData()
        {
            var data = new Dictionary<string, double[]>(_values.Length, StringComparer.Ordinal);
            for (var k = 0; k < _values.Length; k++)
            {
                data[indicators[k]] = Resized(_values[k], _count);
            }

            var groupLabels = _labels.Select((l, i) => (Name: groups[i], Labels: Resized(l, _count))).ToDictionary(x => x.Name, x => x.Labels, StringComparer.Ordinal);
            return IndicatorData.Own(new ArraySegment<string>(_codes, 0, _count), data, new ArraySegment<string>(_names, 0, _count), groupLabels);
        }

        private static T[] Resized<T>(T[] array, int size)
        {
            Array.Resize(ref array, size);
            return array;
        }

        /// <summary>Writes the current record into row <paramref name="n"/>; its uCode is checked against the rows before when <paramref name="unique"/>.</summary>
        private void Write(CsvTable row, int n, bool unique)
        {
            var codeSpan = row[columns.Code];
            if (codeSpan.IsEmpty)
            {
                throw new InputDataException("uCode is empty", row.Source, row.Line, "uCode");
            }

            var code = codeSpan.ToString();
            if (unique)
            {
                Claim(code, row.Line, row.Source);
            }

            _codes[n] = code;
            _names[n] = columns.Name >= 0 && !row[columns.Name].IsEmpty ? row.Text(columns.Name) : code;
            for (var k = 0; k < _values.Length; k++)
            {
                _values[k][n] = row.Number(columns.Indicators[k], indicators[k]);
            }

            for (var g = 0; g < _labels.Length; g++)
            {
                _labels[g][n] = row.Text(columns.Groups[g]);
            }
        }

        private void Claim(string code, int line, string source)
        {
            if (!_seen.TryAdd(code, line))
            {
                throw new InputDataException(string.Create(CultureInfo.InvariantCulture, $"uCode '{code}' already appears on line {_seen[code]}"), source, line, "uCode");
            }
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
