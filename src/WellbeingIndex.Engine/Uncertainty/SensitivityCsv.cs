using WellbeingIndex.Engine.Analysis;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// A sensitivity analysis as CSV files: <c>rank_intervals.csv</c> (per area: nominal rank, median and 5th–95th
/// percentile rank, mean absolute rank shift), <c>runs.csv</c> (each run's mean absolute rank shift) and, for a Sobol
/// design, <c>sobol.csv</c> (per input: S, ST and their bootstrap intervals). Undefined values are empty cells.
/// </summary>
public static class SensitivityCsv
{
    /// <summary>Writes the files into <paramref name="folder"/> (created if absent); returns their names.</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static IReadOnlyList<string> Write(SensitivityResult result, IReadOnlyList<string> areaNames, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(areaNames);
        Directory.CreateDirectory(folder);
        AuditCsv.Table(Path.Combine(folder, "rank_intervals.csv"), ["uCode", "uName", "nominal_rank", "median_rank", "rank_p05", "rank_p95", "mean_abs_rank_shift"],
            result.Areas.Select((a, i) => (Area: a, Name: areaNames[i])), static (csv, row) =>
            {
                using var r = csv.NewRecord();
                r.Text(0, row.Area.AreaCode);
                r.Text(1, row.Name);
                r.Integer(2, row.Area.NominalRank);
                r.Number(3, row.Area.MedianRank);
                r.Number(4, row.Area.RankP05);
                r.Number(5, row.Area.RankP95);
                r.Number(6, row.Area.MeanAbsoluteRankShift);
            });
        AuditCsv.Table(Path.Combine(folder, "runs.csv"), ["run", "mean_abs_rank_shift"], result.RankShift.Select((y, i) => (Run: i + 1, Y: y)), static (csv, row) =>
        {
            using var r = csv.NewRecord();
            r.Integer(0, row.Run);
            r.Number(1, row.Y);
        });
        var files = new List<string> { "rank_intervals.csv", "runs.csv" };
        if (result.Sobol.Count > 0)
        {
            AuditCsv.Table(Path.Combine(folder, "sobol.csv"), ["input", "S", "S_p05", "S_p95", "ST", "ST_p05", "ST_p95"], result.Sobol, static (csv, s) =>
            {
                using var r = csv.NewRecord();
                r.Text(0, s.Input);
                r.Number(1, s.First);
                r.Number(2, s.FirstP05);
                r.Number(3, s.FirstP95);
                r.Number(4, s.Total);
                r.Number(5, s.TotalP05);
                r.Number(6, s.TotalP95);
            });
            files.Add("sobol.csv");
        }

        return files;
    }
}
