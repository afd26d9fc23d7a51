using System.Globalization;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Analysis;

/// <summary>
/// An audit as CSV files in one folder: <c>stats.csv</c>, <c>correlations.csv</c> (a,b,method,r),
/// <c>cronbach.csv</c> (node,alpha), <c>pca.csv</c> (group,iCode,loading,variance_share,weight) and
/// <c>effective_weights.csv</c>. Undefined values are empty cells.
/// </summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> FileNames = ["stats.csv", "correlations.csv", "cronbach.csv", "pca.csv", "effective_weights.csv"];

    /// <summary>Writes the five files into <paramref name="folder"/> (created if absent); returns their paths.</summary>
    public static IReadOnlyList<string> Write(AuditResult audit, string folder)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Directory.CreateDirectory(folder);
        var paths = FileNames.Select(f => Path.Combine(folder, f)).ToList();
        File.WriteAllLines(paths[0], audit.Statistics.Select(s => Line(s.Table, s.Code, I(s.Units), I(s.Present), C(s.Availability), C(s.Min), C(s.Max), C(s.Mean),
                C(s.Median), C(s.Sd), C(s.Skewness), C(s.Kurtosis), I(s.NonZero), I(s.Unique), s.FlagAvailability, s.FlagNonZero, s.FlagUnique, s.FlagSkewKurt))
            .Prepend("table,iCode,n,present,availability,min,max,mean,median,sd,skewness,kurtosis,nonzero,unique,flag_availability,flag_nonzero,flag_unique,flag_skewkurt"));
        File.WriteAllLines(paths[1], audit.Correlations.Select(c => Line(c.A, c.B, c.Method, C(c.R))).Prepend("a,b,method,r"));
        File.WriteAllLines(paths[2], audit.Cronbach.Select(c => Line(c.Key, C(c.Value))).Prepend("node,alpha"));
        File.WriteAllLines(paths[3], audit.Pca.Select(p => Line(p.Group, p.Code, C(p.Loading), C(p.VarianceShare), C(p.Weight))).Prepend("group,iCode,loading,variance_share,weight"));
        File.WriteAllLines(paths[4], audit.EffectiveWeights.Select(w => Line(w.Code, I(w.Level), C(w.Weight), C(w.Effective))).Prepend("iCode,level,weight,effective_weight"));
        return paths;
    }

    private static string C(double v) => IndexResultCsv.Cell(v);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Line(params string[] cells) => string.Join(",", cells.Select(IndexResultCsv.Escape));
}
