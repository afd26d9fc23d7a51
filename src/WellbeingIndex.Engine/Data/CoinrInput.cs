using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// COINr's input pair, so COINr and COIN Tool projects move over unchanged: <c>iData</c> (uCode, uName, optional group
/// and Time columns, one column per indicator) and <c>iMeta</c> (Level, iCode, iName, Direction, Weight, Parent, Type).
/// iMeta rows of type Group name grouping columns; Denominator and Other rows are ignored.
/// </summary>
public static class CoinrInput
{
    private static readonly string[] MetaColumns = ["Level", "iCode", "iName", "Direction", "Weight", "Parent", "Type"];

    /// <summary>The hierarchy of an iMeta file, plus the names of its group columns.</summary>
    public sealed record Meta(IReadOnlyList<NodeDefinition> Nodes, IReadOnlyList<string> GroupColumns, IReadOnlyDictionary<string, int> DeclaredLevels);

    public static Meta ReadMeta(CsvTable table)
    {
        var col = MetaColumns.ToDictionary(c => c, table.Require, StringComparer.Ordinal);
        var nodes = new List<NodeDefinition>();
        var groups = new List<string>();
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = row[col["iCode"]].Trim();
            var type = row[col["Type"]].Trim().ToLowerInvariant();
            switch (type)
            {
                case "group":
                    groups.Add(code);
                    continue;
                case "denominator" or "other":
                    continue;
                case not ("indicator" or "aggregate"):
                    throw new InputDataException($"Type '{row[col["Type"]]}' is not one of Indicator, Aggregate, Group, Denominator, Other", table.Source, row.Line, "Type");
            }

            var level = CellParser.Number(row[col["Level"]], table.Source, row.Line, "Level");
            if (double.IsNaN(level) || level < 1 || level != Math.Floor(level))
            {
                throw new InputDataException($"Level '{row[col["Level"]]}' must be a whole number from 1", table.Source, row.Line, "Level");
            }

            var weight = CellParser.Number(row[col["Weight"]], table.Source, row.Line, "Weight");
            var direction = type == "indicator" ? CellParser.Number(row[col["Direction"]], table.Source, row.Line, "Direction") : 1;
            var parent = row[col["Parent"]].Trim();
            levels[code] = (int)level;
            nodes.Add(new NodeDefinition
            {
                Code = code,
                Name = NullIfEmpty(row[col["iName"]]),
                Type = type == "indicator" ? NodeType.Indicator : NodeType.Aggregate,
                Parent = parent.Length == 0 || parent == "NA" ? null : parent,
                Weight = double.IsNaN(weight) ? 1 : weight,
                Direction = double.IsNaN(direction) ? 1 : (int)direction == direction ? (int)direction : 0,
            });
        }

        return new Meta(nodes, groups, levels);
    }

    /// <summary>
    /// Reads iData: <paramref name="indicatorCodes"/> as numbers (every other column when null), group columns as labels.
    /// Columns named <c>Group_*</c> are group columns too, as in COINr's examples.
    /// </summary>
    public static IndicatorData ReadData(CsvTable table, IReadOnlyCollection<string>? indicatorCodes = null, IReadOnlyCollection<string>? groupColumns = null)
    {
        var timeCol = table.IndexOf("Time");
        if (timeCol >= 0 && table.Rows.Select(r => r[timeCol].Trim()).Distinct().Count() > 1)
        {
            throw new InputDataException("the Time column holds several periods; give one period's rows, or compute the panel with a time mode (--time)", table.Source, null, "Time");
        }

        return ReadRows(table, table.Rows, indicatorCodes, groupColumns);
    }

    /// <summary>
    /// Reads panel iData (COINr's <c>ASEM_iData_p</c>): a <c>Time</c> column and one row per unit and period, each
    /// period read as <see cref="ReadData"/> reads a single one. Time values are periods (2018, 2018/19, 2018-03).
    /// </summary>
    public static PanelData ReadPanel(CsvTable table, IReadOnlyCollection<string>? indicatorCodes = null, IReadOnlyCollection<string>? groupColumns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var timeCol = table.Require("Time");
        var byPeriod = new Dictionary<ReferencePeriod, List<CsvRecord>>();
        foreach (var row in table.Rows)
        {
            var text = row[timeCol].Trim();
            if (!ReferencePeriod.TryParse(text, out var period))
            {
                throw new InputDataException($"'{text}' is not a period (use 2019, 2019/20, 2019-03 or 2019-03-31)", table.Source, row.Line, "Time");
            }

            if (!byPeriod.TryGetValue(period, out var rows))
            {
                byPeriod[period] = rows = [];
            }

            rows.Add(row);
        }

        if (byPeriod.Count == 0)
        {
            throw new InputDataException("no data rows", table.Source, null, "Time");
        }

        if (byPeriod.Keys.Select(p => p.Kind).Distinct().Count() > 1)
        {
            throw new InputDataException($"the Time column mixes kinds of period ({string.Join(", ", byPeriod.Keys.Order())}); use one", table.Source, null, "Time");
        }

        return new PanelData([.. byPeriod.Select(kv => (kv.Key, ReadRows(table, kv.Value, indicatorCodes, groupColumns)))]);
    }

    /// <summary>
    /// Reads a panel iData/iMeta pair into panel data and a definition with the given recipe (as <see cref="Read"/>);
    /// <paramref name="extraColumns"/> are further numeric iData columns kept beside the indicators (base weights).
    /// </summary>
    public static (PanelData Data, IndexDefinition Definition) ReadPanel(string iDataPath, string iMetaPath,
        IReadOnlyList<StepDefinition> steps, IReadOnlyCollection<string>? extraColumns = null, string? id = null, MethodRegistry? registry = null)
    {
        var (meta, definition) = ReadDefinition(iMetaPath, steps, id, registry);
        var codes = definition.Indicators.Select(i => i.Code).Concat(extraColumns ?? []).Distinct(StringComparer.Ordinal).ToList();
        return (ReadPanel(CsvTable.ReadFile(iDataPath), codes, meta.GroupColumns), definition);
    }

    private static IndicatorData ReadRows(CsvTable table, IReadOnlyList<CsvRecord> rows, IReadOnlyCollection<string>? indicatorCodes, IReadOnlyCollection<string>? groupColumns)
    {
        var codeCol = table.Require("uCode");
        var nameCol = table.IndexOf("uName");
        var groups = new HashSet<string>(groupColumns ?? [], StringComparer.Ordinal);
        foreach (var h in table.Header.Where(h => h.StartsWith("Group_", StringComparison.OrdinalIgnoreCase)))
        {
            groups.Add(h);
        }

        var reserved = new HashSet<string>(["uCode", "uName", "Time"], StringComparer.OrdinalIgnoreCase);
        var indicators = indicatorCodes?.ToList()
            ?? table.Header.Where(h => !reserved.Contains(h) && !groups.Contains(h)).ToList();
        var indicatorIndex = new List<(string Code, int Column)>();
        foreach (var code in indicators)
        {
            var i = table.Header.ToList().FindIndex(h => h == code);
            if (i < 0)
            {
                throw new InputDataException($"no column for indicator '{code}'", table.Source, 1);
            }

            indicatorIndex.Add((code, i));
        }

        var n = rows.Count;
        var codes = new string[n];
        var names = new string[n];
        var columns = indicatorIndex.ToDictionary(x => x.Code, _ => new double[n], StringComparer.Ordinal);
        var groupIndex = groups.Select(g => (Name: g, Column: table.IndexOf(g))).ToList();
        var missingGroup = groupIndex.FirstOrDefault(g => g.Column < 0);
        if (missingGroup.Name is not null)
        {
            throw new InputDataException($"no column for group '{missingGroup.Name}' named in iMeta", table.Source, 1);
        }

        var groupLabels = groupIndex.ToDictionary(g => g.Name, _ => new string[n], StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var r = 0; r < n; r++)
        {
            var row = rows[r];
            var code = row[codeCol].Trim();
            if (code.Length == 0)
            {
                throw new InputDataException("uCode is empty", table.Source, row.Line, "uCode");
            }

            if (!seen.TryAdd(code, row.Line))
            {
                throw new InputDataException($"uCode '{code}' already appears on line {seen[code]}", table.Source, row.Line, "uCode");
            }

            codes[r] = code;
            names[r] = nameCol >= 0 && row[nameCol].Trim().Length > 0 ? row[nameCol].Trim() : code;
            foreach (var (ic, col) in indicatorIndex)
            {
                columns[ic][r] = CellParser.Number(row[col], table.Source, row.Line, ic);
            }

            foreach (var (g, col) in groupIndex)
            {
                groupLabels[g][r] = row[col].Trim();
            }
        }

        return new IndicatorData(codes, columns, names, groupLabels);
    }

    /// <summary>
    /// Reads an iData/iMeta pair into data and a definition with the given recipe. iMeta's Level column is checked
    /// against the hierarchy its Parent column implies.
    /// </summary>
    public static (IndicatorData Data, IndexDefinition Definition) Read(string iDataPath, string iMetaPath,
        IReadOnlyList<StepDefinition> steps, string? id = null, MethodRegistry? registry = null)
    {
        var (meta, definition) = ReadDefinition(iMetaPath, steps, id, registry);
        var data = ReadData(CsvTable.ReadFile(iDataPath), definition.Indicators.Select(i => i.Code).ToList(), meta.GroupColumns);
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
