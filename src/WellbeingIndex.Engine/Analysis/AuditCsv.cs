using WellbeingIndex.Delimited;

namespace WellbeingIndex.Engine.Analysis;

/// <summary>
/// An audit as CSV files in one folder: <c>stats.csv</c>, <c>correlations.csv</c> (a,b,method,r),
/// <c>cronbach.csv</c> (node,alpha), <c>pca.csv</c> (group,iCode,loading,variance_share,weight) and
/// <c>effective_weights.csv</c>, written by <see cref="CsvRecordWriter"/>. Undefined values are empty cells.
/// </summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> FileNames = ["stats.csv", "correlations.csv", "cronbach.csv", "pca.csv", "effective_weights.csv"];

    /// <summary>Writes the five files into <paramref name="folder"/> (created if absent); returns their paths.</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static IReadOnlyList<string> Write(AuditResult audit, string folder)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Directory.CreateDirectory(folder);
        var paths = FileNames.Select(f => Path.Combine(folder, f)).ToList();
        Table(paths[0], ["table", "iCode", "n", "present", "availability", "min", "max", "mean", "median", "sd", "skewness", "kurtosis",
            "nonzero", "unique", "flag_availability", "flag_nonzero", "flag_unique", "flag_skewkurt"], audit.Statistics, static (csv, s) =>
        {
            using var r = csv.NewRecord();
            r.Text(0, s.Table);
            r.Text(1, s.Code);
            r.Integer(2, s.Units, int.MinValue);
            r.Integer(3, s.Present, int.MinValue);
            double[] numbers = [s.Availability, s.Min, s.Max, s.Mean, s.Median, s.Sd, s.Skewness, s.Kurtosis];
            for (var i = 0; i < numbers.Length; i++) r.Number(4 + i, numbers[i]);
            r.Integer(12, s.NonZero, int.MinValue);
            r.Integer(13, s.Unique, int.MinValue);
            r.Text(14, s.FlagAvailability);
            r.Text(15, s.FlagNonZero);
            r.Text(16, s.FlagUnique);
            r.Text(17, s.FlagSkewKurt);
        });
        Table(paths[1], ["a", "b", "method", "r"], audit.Correlations, static (csv, c) =>
        {
            using var r = csv.NewRecord();
            r.Text(0, c.A);
            r.Text(1, c.B);
            r.Text(2, c.Method);
            r.Number(3, c.R);
        });
        Table(paths[2], ["node", "alpha"], audit.Cronbach, static (csv, c) =>
        {
            using var r = csv.NewRecord();
            r.Text(0, c.Key);
            r.Number(1, c.Value);
        });
        Table(paths[3], ["group", "iCode", "loading", "variance_share", "weight"], audit.Pca, static (csv, p) =>
        {
            using var r = csv.NewRecord();
            r.Text(0, p.Group);
            r.Text(1, p.Code);
            r.Number(2, p.Loading);
            r.Number(3, p.VarianceShare);
            r.Number(4, p.Weight);
        });
        Table(paths[4], ["iCode", "level", "weight", "effective_weight"], audit.EffectiveWeights, static (csv, w) =>
        {
            using var r = csv.NewRecord();
            r.Text(0, w.Code);
            r.Integer(1, w.Level, int.MinValue);
            r.Number(2, w.Weight);
            r.Number(3, w.Effective);
        });
        return paths;
    }

    /// <summary>Writes <paramref name="rows"/> under <paramref name="header"/> to a new file at <paramref name="path"/>.</summary>
    internal static void Table<T>(string path, IReadOnlyList<string> header, IEnumerable<T> rows, Action<CsvRecordWriter, T> write)
    {
        using var text = new StreamWriter(path);
        using var csv = CsvRecordWriter.Create(text, header);
        foreach (var row in rows)
        {
            write(csv, row);
        }
    }
}
