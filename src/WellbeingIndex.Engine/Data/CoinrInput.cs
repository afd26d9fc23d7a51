using System.Globalization;
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

    public static Meta ReadMeta(CsvTable table)
    {
        var col = MetaColumns.ToDictionary(c => c, table.Require, StringComparer.Ordinal);
        var nodes = new List<NodeDefinition>();
        var groups = new List<string>();
        var denominators = new List<string>();
        var denominatorCol = table.IndexOf("Denominator");
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
                case "denominator":
                    denominators.Add(code);
                    continue;
                case "other":
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
            var denominator = denominatorCol >= 0 && type == "indicator" ? row[denominatorCol].Trim() : "";
            levels[code] = (int)level;
            nodes.Add(new NodeDefinition
            {
                Code = code,
                Name = NullIfEmpty(row[col["iName"]]),
                Type = type == "indicator" ? NodeType.Indicator : NodeType.Aggregate,
                Parent = parent.Length == 0 || parent == "NA" ? null : parent,
                Weight = double.IsNaN(weight) ? 1 : weight,
                Direction = double.IsNaN(direction) ? 1 : (int)direction == direction ? (int)direction : 0,
                Denominator = denominator.Length == 0 || denominator == "NA" ? null : denominator,
            });
        }

        foreach (var (node, line) in nodes.Zip(table.Rows.Where(r => r[col["Type"]].Trim().ToLowerInvariant() is "indicator" or "aggregate").Select(r => r.Line)))
        {
            if (node.Denominator is { } d && !denominators.Contains(d))
            {
                throw new InputDataException($"Denominator '{d}' of '{node.Code}' is not an iMeta row of Type Denominator", table.Source, line, "Denominator");
            }
        }

        return new Meta(nodes, groups, levels, denominators);
    }

    /// <summary>
    /// Reads iData: <paramref name="indicatorCodes"/> as numbers (every other column when null), group columns as labels.
    /// Columns named <c>Group_*</c> are group columns too, as in COINr's examples.
    /// </summary>
    public static IndicatorData ReadData(CsvTable table, IReadOnlyCollection<string>? indicatorCodes = null, IReadOnlyCollection<string>? groupColumns = null)
    {
        var codeCol = table.Require("uCode");
        var nameCol = table.IndexOf("uName");
        var timeCol = table.IndexOf("Time");
        if (timeCol >= 0 && table.Rows.Select(r => r[timeCol].Trim()).Distinct().Count() > 1)
        {
            throw new InputDataException("the Time column holds several periods; give one period's rows (COINr panel data is computed one time point at a time)", table.Source, null, "Time");
        }

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

        var n = table.Rows.Count;
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
            var row = table.Rows[r];
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

        var data = ReadData(CsvTable.ReadFile(iDataPath), definition.Indicators.Select(i => i.Code).Concat(meta.DenominatorColumns).ToList(), meta.GroupColumns);
        return (data, definition);
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
