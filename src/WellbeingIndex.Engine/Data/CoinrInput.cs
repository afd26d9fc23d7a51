using System.Globalization;
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

    /// <summary>Reads (and disposes) an iMeta table.</summary>
    /// <exception cref="InputDataException">A required column is missing or a row is invalid; names the line and column.</exception>
    public static Meta ReadMeta(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var _ = table;
        var col = MetaColumns.ToDictionary(c => c, table.Require, StringComparer.Ordinal);
        var nodes = new List<NodeDefinition>();
        var groups = new List<string>();
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
                case "denominator" or "other":
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
            levels[code] = (int)level;
            nodes.Add(new NodeDefinition
            {
                Code = code,
                Name = NullIfEmpty(table.Text(col["iName"])),
                Type = type == "indicator" ? NodeType.Indicator : NodeType.Aggregate,
                Parent = parent.Length == 0 || parent == "NA" ? null : parent,
                Weight = double.IsNaN(weight) ? 1 : weight,
                Direction = double.IsNaN(direction) ? 1 : (int)direction == direction ? (int)direction : 0,
            });
        }

        return new Meta(nodes, groups, levels);
    }

    /// <summary>
    /// Reads (and disposes) iData: <paramref name="indicatorCodes"/> as numbers (every other column when null), group
    /// columns as labels. Columns named <c>Group_*</c> are group columns too, as in COINr's examples. One pass, numbers
    /// parsed in place.
    /// </summary>
    /// <exception cref="InputDataException">A column is missing, a code is empty or repeated, or a cell is not a number.</exception>
    public static IndicatorData ReadData(CsvTable table, IReadOnlyCollection<string>? indicatorCodes = null, IReadOnlyCollection<string>? groupColumns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
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

        var capacity = 1024;
        var codes = new List<string>(capacity);
        var names = new List<string>(capacity);
        var values = indicators.Select(_ => new double[capacity]).ToArray();
        var labels = groupIndex.Select(_ => new List<string>(capacity)).ToArray();
        var seen = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        string? time = null;
        var n = 0;
        while (table.Next())
        {
            var codeSpan = table[codeCol];
            if (codeSpan.IsEmpty)
            {
                throw new InputDataException("uCode is empty", table.Source, table.Line, "uCode");
            }

            if (lookup.TryGetValue(codeSpan, out var firstLine))
            {
                throw new InputDataException(string.Create(CultureInfo.InvariantCulture, $"uCode '{codeSpan}' already appears on line {firstLine}"), table.Source, table.Line, "uCode");
            }

            if (timeCol >= 0)
            {
                time ??= table.Text(timeCol);
                if (!table[timeCol].SequenceEqual(time))
                {
                    throw new InputDataException("the Time column holds several periods; give one period's rows (COINr panel data is computed one time point at a time)", table.Source, null, "Time");
                }
            }

            var code = codeSpan.ToString();
            seen[code] = table.Line;
            codes.Add(code);
            names.Add(nameCol >= 0 && !table[nameCol].IsEmpty ? table.Text(nameCol) : code);
            if (n == capacity)
            {
                capacity *= 2;
                for (var k = 0; k < values.Length; k++)
                {
                    Array.Resize(ref values[k], capacity);
                }
            }

            for (var k = 0; k < values.Length; k++)
            {
                values[k][n] = table.Number(indicatorColumns[k], indicators[k]);
            }

            for (var g = 0; g < labels.Length; g++)
            {
                labels[g].Add(table.Text(groupIndex[g].Column));
            }

            n++;
        }

        var columns = new Dictionary<string, double[]>(indicators.Count, StringComparer.Ordinal);
        for (var k = 0; k < values.Length; k++)
        {
            Array.Resize(ref values[k], n);
            columns[indicators[k]] = values[k];
        }

        var groupLabels = groupIndex.Select((g, i) => (g.Name, Labels: labels[i].ToArray())).ToDictionary(x => x.Name, x => x.Labels, StringComparer.Ordinal);
        return IndicatorData.Own(codes, columns, names, groupLabels);
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

        var data = ReadData(CsvTable.ReadFile(iDataPath), definition.Indicators.Select(i => i.Code).ToList(), meta.GroupColumns);
        return (data, definition);
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
