using System.Globalization;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Engine.Results;

/// <summary>
/// The run as one CSV table, COINr-style: uCode, uName, every normalised indicator, every aggregate (in the order
/// computed: level by level, then definition order), then the index's rank, decile and quintile, and, with an uncertainty analysis, the rank's median and
/// 5th–95th percentile interval. Missing values are empty cells; numbers round-trip exactly.
/// </summary>
public static class IndexResultCsv
{
    public static void Write(IndexResult result, TextWriter writer, UncertaintyResult? uncertainty = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = result.Scores;
        var index = result.Index;
        writer.Write("uCode,uName");
        foreach (var c in columns)
        {
            writer.Write(',');
            writer.Write(Escape(c.Code));
        }

        writer.Write(uncertainty is null ? ",Rank,Decile,Quintile\n" : ",Rank,Decile,Quintile,RankMedian,RankP05,RankP95\n");
        for (var i = 0; i < result.AreaCodes.Length; i++)
        {
            writer.Write(Escape(result.AreaCodes[i]));
            writer.Write(',');
            writer.Write(Escape(result.AreaNames[i]));
            foreach (var c in columns)
            {
                writer.Write(',');
                var v = c.Scores[i];
                if (!double.IsNaN(v))
                {
                    writer.Write(v.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.Write(',');
            writer.Write(index.Ranks[i] == 0 ? "" : index.Ranks[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(index.Deciles[i] == 0 ? "" : index.Deciles[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(index.Quintiles[i] == 0 ? "" : index.Quintiles[i].ToString(CultureInfo.InvariantCulture));
            if (uncertainty is not null)
            {
                var a = uncertainty.Areas[i];
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",{Cell(a.MedianRank)},{Cell(a.RankP05)},{Cell(a.RankP95)}"));
            }

            writer.Write('\n');
        }
    }

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
