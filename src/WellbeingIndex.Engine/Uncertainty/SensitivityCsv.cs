using System.Globalization;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// A sensitivity analysis as CSV files: <c>rank_intervals.csv</c> (per area: nominal rank, median and 5th–95th
/// percentile rank, mean absolute rank shift), <c>runs.csv</c> (each run's mean absolute rank shift) and, for a Sobol
/// design, <c>sobol.csv</c> (per input: S, ST and their bootstrap intervals). Undefined values are empty cells.
/// </summary>
public static class SensitivityCsv
{
    /// <summary>Writes the files into <paramref name="folder"/> (created if absent); returns their names.</summary>
    public static IReadOnlyList<string> Write(SensitivityResult result, IReadOnlyList<string> areaNames, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(areaNames);
        Directory.CreateDirectory(folder);
        static string C(double v) => IndexResultCsv.Cell(v);
        static string E(string s) => IndexResultCsv.Escape(s);
        File.WriteAllLines(Path.Combine(folder, "rank_intervals.csv"), result.Areas.Select((a, i) => string.Join(",",
                E(a.AreaCode), E(areaNames[i]), a.NominalRank == 0 ? "" : a.NominalRank.ToString(CultureInfo.InvariantCulture),
                C(a.MedianRank), C(a.RankP05), C(a.RankP95), C(a.MeanAbsoluteRankShift)))
            .Prepend("uCode,uName,nominal_rank,median_rank,rank_p05,rank_p95,mean_abs_rank_shift"));
        File.WriteAllLines(Path.Combine(folder, "runs.csv"),
            result.RankShift.Select((y, r) => string.Create(CultureInfo.InvariantCulture, $"{r + 1},{C(y)}")).Prepend("run,mean_abs_rank_shift"));
        var files = new List<string> { "rank_intervals.csv", "runs.csv" };
        if (result.Sobol.Count > 0)
        {
            File.WriteAllLines(Path.Combine(folder, "sobol.csv"), result.Sobol.Select(s => string.Join(",",
                    E(s.Input), C(s.First), C(s.FirstP05), C(s.FirstP95), C(s.Total), C(s.TotalP05), C(s.TotalP95)))
                .Prepend("input,S,S_p05,S_p95,ST,ST_p05,ST_p95"));
            files.Add("sobol.csv");
        }

        return files;
    }
}
