using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Panel;

namespace WellbeingIndex.Engine.Results;

/// <summary>
/// One kept data set of a run as CSV, like COINr's <c>get_dset</c>: <c>uCode, uName</c>, for a panel <c>Time</c>, then
/// the table's columns. Any table the pipeline kept can be chosen by name (raw, imputed, treated, normalised, and any
/// a step adds); <c>aggregated</c> is COINr's Aggregated data set: the indicators' scores and every aggregate. Missing
/// values are empty cells.
/// </summary>
public static class ResultTableCsv
{
    /// <exception cref="KeyNotFoundException">The run kept no table of that name (the message lists those it kept).</exception>
    public static void Write(IndexResult result, string table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = Columns(result, table);
        WriteHeader(writer, columns.Select(c => c.Code), time: false);
        WriteRows(writer, result, columns, null);
    }

    /// <summary>One row per area and period, oldest period first.</summary>
    /// <exception cref="KeyNotFoundException">The run kept no table of that name.</exception>
    public static void Write(PanelResult result, string table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        WriteHeader(writer, Columns(result.Results[0], table).Select(c => c.Code), time: true);
        for (var p = 0; p < result.Periods.Length; p++)
        {
            WriteRows(writer, result.Results[p], Columns(result.Results[p], table), result.Periods[p]);
        }
    }

    /// <summary>Names of the tables a run kept, in the order made.</summary>
    public static IReadOnlyList<string> Names(IndexResult result) => [.. result.Tables.Select(t => t.Name)];

    private static List<(string Code, double[] Values)> Columns(IndexResult result, string table)
    {
        if (table == ResultTable.Aggregated)
        {
            return result.Scores.Select(s => (s.Code, s.Scores.ToArray())).ToList();
        }

        if (!result.HasTable(table))
        {
            throw new KeyNotFoundException($"the run kept no '{table}' table (kept: {string.Join(", ", Names(result))}).");
        }

        var t = result.Table(table);
        return t.Codes.Select(c => (c, t.ColumnArray(c))).ToList();
    }

    private static void WriteHeader(TextWriter writer, IEnumerable<string> codes, bool time)
    {
        writer.Write(time ? "uCode,uName,Time" : "uCode,uName");
        foreach (var c in codes)
        {
            writer.Write(',');
            writer.Write(IndexResultCsv.Escape(c));
        }

        writer.Write('\n');
    }

    private static void WriteRows(TextWriter writer, IndexResult result, List<(string Code, double[] Values)> columns, ReferencePeriod? period)
    {
        for (var i = 0; i < result.AreaCodes.Length; i++)
        {
            writer.Write(IndexResultCsv.Escape(result.AreaCodes[i]));
            writer.Write(',');
            writer.Write(IndexResultCsv.Escape(result.AreaNames[i]));
            if (period is { } p)
            {
                writer.Write(',');
                writer.Write(p.ToString());
            }

            foreach (var (_, values) in columns)
            {
                writer.Write(',');
                if (!double.IsNaN(values[i]))
                {
                    writer.Write(values[i].ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.Write('\n');
        }
    }
}
