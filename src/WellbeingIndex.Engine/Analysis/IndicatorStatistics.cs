using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Analysis;

/// <summary>
/// One indicator's summary as COINr's <c>get_stats</c> (R/stats.R) with its default thresholds: availability flag LOW
/// when the present share &lt; 0.65, non-zero flag LOW when non-zero values / all units &lt; 0.5, unique flag LOW when
/// distinct values / all units &lt; 0.5, skew-kurtosis flag OUT when |skewness| &gt; 2 and kurtosis &gt; 3.5.
/// Statistics of a column with no present value are NaN.
/// </summary>
public sealed record IndicatorStatistics(string Table, string Code, int Units, int Present, double Availability,
    double Min, double Max, double Mean, double Median, double Sd, double Skewness, double Kurtosis,
    int NonZero, int Unique, string FlagAvailability, string FlagNonZero, string FlagUnique, string FlagSkewKurt)
{
    /// <summary>Summarises one column of <paramref name="table"/>.</summary>
    public static IndicatorStatistics Of(string table, string code, ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var (present, mean, sd) = ColumnStatistics.MeanSd(values);
        var (min, max) = ColumnStatistics.Range(values);
        var (skew, kurt) = ColumnStatistics.SkewKurt(values);
        var sorted = new double[present];
        var j = 0;
        var nonZero = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            sorted[j++] = v;
            if (v != 0) nonZero++;
        }

        Array.Sort(sorted);
        var unique = 0;
        for (var k = 0; k < present; k++)
        {
            if (k == 0 || sorted[k] != sorted[k - 1]) unique++;
        }

        var availability = n == 0 ? 0 : (double)present / n;
        return new IndicatorStatistics(table, code, n, present, availability, min, max, mean, ColumnStatistics.MedianOfSorted(sorted), sd, skew, kurt,
            nonZero, unique,
            availability >= 0.65 ? "ok" : "LOW",
            n > 0 && (double)nonZero / n >= 0.5 ? "ok" : "LOW",
            n > 0 && (double)unique / n >= 0.5 ? "ok" : "LOW",
            Math.Abs(skew) > 2 && kurt > 3.5 ? "OUT" : "ok");
    }
}
