using System.Globalization;
using WellbeingIndex.Delimited;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Engine.Results;

/// <summary>
/// The run as one CSV table, COINr-style: uCode, uName, every normalised indicator, every aggregate (in the order
/// computed: level by level, then definition order), then the index's rank, decile and quintile, and, with an uncertainty analysis, the rank's median and
/// 5th–95th percentile interval. Missing values are empty cells; numbers round-trip exactly.
/// </summary>
public static class IndexResultCsv
{
    /// <summary>Writes the table to <paramref name="writer"/> (left open) through the project's one CSV writer.</summary>
    public static void Write(IndexResult result, TextWriter writer, UncertaintyResult? uncertainty = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = result.Scores;
        var index = result.Index;
        var header = new List<string>(columns.Count + 8) { "uCode", "uName" };
        header.AddRange(columns.Select(c => c.Code));
        header.AddRange(uncertainty is null ? ["Rank", "Decile", "Quintile"] : ["Rank", "Decile", "Quintile", "RankMedian", "RankP05", "RankP95"]);
        var scores = columns.Select(c => c.ScoreArray).ToArray();
        ReadOnlySpan<int> ranks = index.Ranks;
        ReadOnlySpan<byte> deciles = index.Deciles, quintiles = index.Quintiles;
        using var csv = CsvRecordWriter.Create(writer, header);

        // Formatting numbers is most of the cost: a block of rows is formatted in parallel, then written in order.
        const int BlockRows = 2048;
        var width = scores.Length;
        var text = new char[BlockRows * width * CsvRecordWriter.MaxNumberLength];
        var lengths = new int[BlockRows * width];
        var n = result.AreaCodes.Length;
        for (var from = 0; from < n; from += BlockRows)
        {
            var rows = Math.Min(BlockRows, n - from);
            var start = from;
            Parallel.For(0, rows, r =>
            {
                for (var k = 0; k < width; k++)
                {
                    var cell = r * width + k;
                    lengths[cell] = CsvRecordWriter.FormatNumber(scores[k][start + r], text.AsSpan(cell * CsvRecordWriter.MaxNumberLength, CsvRecordWriter.MaxNumberLength));
                }
            });

            for (var r = 0; r < rows; r++)
            {
                var i = from + r;
                using var record = csv.NewRecord();
                record.Text(0, result.AreaCodes[i]);
                record.Text(1, result.AreaNames[i]);
                for (var k = 0; k < width; k++)
                {
                    var cell = r * width + k;
                    record.Formatted(k + 2, text.AsSpan(cell * CsvRecordWriter.MaxNumberLength, lengths[cell]));
                }

                var c = width + 2;
                record.Integer(c++, ranks[i]);
                record.Integer(c++, deciles[i]);
                record.Integer(c++, quintiles[i]);
                if (uncertainty is not null)
                {
                    var a = uncertainty.Areas[i];
                    record.Number(c++, a.MedianRank);
                    record.Number(c++, a.RankP05);
                    record.Number(c, a.RankP95);
                }
            }
        }
    }

    public static string ToString(IndexResult result, UncertaintyResult? uncertainty = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(result, writer, uncertainty);
        return writer.ToString();
    }

    /// <summary>Quotes a field when it holds a comma, quote or line break, doubling inner quotes (RFC 4180).</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
