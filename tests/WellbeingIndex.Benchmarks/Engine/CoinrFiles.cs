using System.Globalization;
using WellbeingIndex.Delimited;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>
/// Writes <see cref="SyntheticIndex"/> as a COINr iData/iMeta pair, the input of the CLI's whole-process benchmark:
/// <c>hyperfine 'wellbeing compute --idata DIR/iData.csv --imeta DIR/iMeta.csv --out DIR/result.csv'</c>.
/// </summary>
public static class CoinrFiles
{
    public static int Run(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "wellbeing-bench");
        Directory.CreateDirectory(directory);
        var (definition, data) = SyntheticIndex.Create();
        using (var text = new StreamWriter(Path.Combine(directory, "iData.csv")))
        {
            var codes = data.ColumnCodes;
            using var csv = CsvRecordWriter.Create(text, ["uCode", "uName", .. codes]);
            for (var i = 0; i < data.AreaCount; i++)
            {
                using var record = csv.NewRecord();
                record.Text(0, data.AreaCodes[i]);
                record.Text(1, string.Create(CultureInfo.InvariantCulture, $"Area {i}"));
                for (var k = 0; k < codes.Length; k++)
                {
                    record.Number(k + 2, data.Column(codes[k])[i]);
                }
            }
        }

        using (var text = new StreamWriter(Path.Combine(directory, "iMeta.csv")))
        {
            using var csv = CsvRecordWriter.Create(text, ["Level", "iCode", "iName", "Direction", "Weight", "Parent", "Type"]);
            foreach (var node in definition.Nodes)
            {
                using var record = csv.NewRecord();
                record.Integer(0, definition.LevelOf(node.Code), missing: -1);
                record.Text(1, node.Code);
                record.Text(2, node.Code);
                record.Integer(3, node.Direction, missing: int.MinValue);
                record.Number(4, node.Weight);
                record.Text(5, node.Parent ?? "");
                record.Text(6, node.Type == NodeType.Indicator ? "Indicator" : "Aggregate");
            }
        }

        Console.WriteLine($"wrote {directory}/iData.csv ({data.AreaCount} areas x {data.ColumnCodes.Length} indicators) and iMeta.csv");
        return 0;
    }
}
