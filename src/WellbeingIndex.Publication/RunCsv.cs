using System.Globalization;
using WellbeingIndex.Delimited;

namespace WellbeingIndex.Publication;

/// <summary>
/// A run's scores as RFC 4180 CSV, one row per area (or per period of an area's history), five columns per node: the shape
/// the API serves for <c>Accept: text/csv</c> and <c>wellbeing runs latest --format csv</c> prints.
/// </summary>
public static class RunCsv
{
    /// <summary>The leading columns, then <c>node, node_rank, node_decile, node_quintile, node_coverage</c> per node.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<NodeScore> first, params string[] leading)
    {
        ArgumentNullException.ThrowIfNull(first);
        return [.. leading, .. first.SelectMany(s => new[] { s.NodeCode, $"{s.NodeCode}_rank", $"{s.NodeCode}_decile", $"{s.NodeCode}_quintile", $"{s.NodeCode}_coverage" })];
    }

    /// <summary>The five cells of each node, in <see cref="Header"/>'s order.</summary>
    public static IEnumerable<object?> Cells(IReadOnlyList<NodeScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.SelectMany(s => new object?[] { s.Score, s.Rank, s.Decile, s.Quintile, s.Coverage });
    }

    /// <summary>
    /// Writes the header and rows through the project's one CSV writer (<see cref="CsvRecordWriter"/>: LF line ends,
    /// quoted only when needed, text a spreadsheet would run as a formula neutralised): null is an empty cell, numbers
    /// round-trip in invariant culture, NaN and infinities are empty.
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvRecordWriter.Create(writer, header);
        foreach (var row in rows)
        {
            using var record = csv.NewRecord();
            for (var i = 0; i < row.Count; i++)
            {
                switch (row[i])
                {
                    case null:
                        break;
                    case double d:
                        record.Number(i, d);
                        break;
                    case int n:
                        record.Integer(i, n, int.MinValue);
                        break;
                    case IFormattable f:
                        record.Text(i, f.ToString(null, CultureInfo.InvariantCulture));
                        break;
                    case var cell:
                        record.Text(i, cell.ToString());
                        break;
                }
            }
        }
    }
}
