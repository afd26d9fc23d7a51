using System.Globalization;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Publication;

/// <summary>
/// A run's scores as RFC 4180 CSV, one row per area (or per run in an area's history), five columns per node: the shape
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
    /// Writes the header and rows (CRLF line ends; null is an empty cell; numbers round-trip, invariant culture; text a
    /// spreadsheet would run as a formula neutralised as the project's CSV writer does).
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        Line(writer, header);
        foreach (var row in rows)
        {
            Line(writer, row);
        }
    }

    private static void Line(TextWriter text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Write(',');
            }

            first = false;
            var value = cell switch
            {
                null => "",
                double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => Delimited.CsvRecordWriter.Neutralise(cell.ToString() ?? ""),
            };
            text.Write(IndexResultCsv.Escape(value));
        }

        text.Write("\r\n");
    }
}
