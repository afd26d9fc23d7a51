using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Delimited;
using WellbeingIndex.Engine.Panel;
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
        var header = new List<string>(result.Scores.Count + 8) { "uCode", "uName" };
        header.AddRange(result.Scores.Select(c => c.Code));
        header.AddRange(uncertainty is null ? ["Rank", "Decile", "Quintile"] : ["Rank", "Decile", "Quintile", "RankMedian", "RankP05", "RankP95"]);
        using var csv = CsvRecordWriter.Create(writer, header);
        WriteRows(csv, result, uncertainty, null);
    }

    /// <summary>
    /// A panel run: one row per area and period (oldest first), <c>uCode, uName, Time</c>, then the columns of a single
    /// run; Rank, Decile and Quintile are within the period, the scores comparable across periods as the time mode says.
    /// </summary>
    public static void Write(PanelResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var header = new List<string> { "uCode", "uName", "Time" };
        header.AddRange(result.Results[0].Scores.Select(c => c.Code));
        header.AddRange(["Rank", "Decile", "Quintile"]);
        using var csv = CsvRecordWriter.Create(writer, header);
        for (var p = 0; p < result.Periods.Length; p++)
        {
            WriteRows(csv, result.Results[p], null, result.Periods[p]);
        }
    }

    private static void WriteRows(CsvRecordWriter csv, IndexResult result, UncertaintyResult? uncertainty, ReferencePeriod? period)
    {
        var scores = result.Scores.Select(c => c.ScoreArray).ToArray();
        var periodText = period?.ToString();

        // Formatting numbers is most of the cost: blocks of rows are written in parallel, then appended in order.
        const int BlockRows = 256;
        var n = result.AreaCodes.Length;
        var blockCount = (n + BlockRows - 1) / BlockRows;
        var blocks = new CsvRecordWriter[Math.Min(blockCount, 4 * Environment.ProcessorCount)];
        try
        {
            for (var first = 0; first < blockCount; first += blocks.Length)
            {
                var count = Math.Min(blocks.Length, blockCount - first);
                var wave = first;
                Parallel.For(0, count, b =>
                {
                    var block = blocks[b] ??= csv.NewBlock();
                    var from = (wave + b) * BlockRows;
                    WriteRows(block, result, scores, uncertainty, periodText, from, Math.Min(n, from + BlockRows));
                });
                for (var b = 0; b < count; b++)
                {
                    csv.Append(blocks[b]);
                }
            }
        }
        finally
        {
            foreach (var block in blocks)
            {
                block?.Dispose();
            }
        }
    }

    private static void WriteRows(CsvRecordWriter csv, IndexResult result, double[][] scores, UncertaintyResult? uncertainty, string? periodText, int from, int to)
    {
        var index = result.Index;
        var first = periodText is null ? 2 : 3;
        for (var i = from; i < to; i++)
        {
            using var record = csv.NewRecord();
            record.Text(0, result.AreaCodes[i]);
            record.Text(1, result.AreaNames[i]);
            if (periodText is not null)
            {
                record.Text(2, periodText);
            }

            for (var k = 0; k < scores.Length; k++)
            {
                record.Number(k + first, scores[k][i]);
            }

            var c = scores.Length + first;
            record.Integer(c++, index.Ranks[i]);
            record.Integer(c++, index.Deciles[i]);
            record.Integer(c++, index.Quintiles[i]);
            if (uncertainty is not null)
            {
                var a = uncertainty.Areas[i];
                record.Number(c++, a.MedianRank);
                record.Number(c++, a.RankP05);
                record.Number(c, a.RankP95);
            }
        }
    }

    /// <summary>The table as a string (tests and small answers).</summary>
    public static string ToString(IndexResult result, UncertaintyResult? uncertainty = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(result, writer, uncertainty);
        return writer.ToString();
    }

    /// <summary>A number as it round-trips, or an empty cell for missing or non-finite.</summary>
    public static string Cell(double v) => !double.IsFinite(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field when it holds a comma, quote or line break, doubling inner quotes (RFC 4180).</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
