namespace WellbeingIndex.Engine.Analysis;

/// <summary>
/// Pearson and Spearman correlations over the rows where both columns are present (R's
/// <c>cor(use = "pairwise.complete.obs")</c>, as COINr's <c>get_corr</c>). NaN when fewer than two pairs or no spread.
/// </summary>
public static class Correlation
{
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        double n = 0, mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            n++;
            mx += x[i];
            my += y[i];
        }

        if (n < 2) return double.NaN;
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Pearson correlation of the ranks (ties get their mean rank) over the complete pairs.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) n++;
        }

        var a = new double[n];
        var b = new double[n];
        for (int i = 0, j = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            a[j] = x[i];
            b[j++] = y[i];
        }

        MeanRanks(a);
        MeanRanks(b);
        return Pearson(a, b);
    }

    /// <summary>Sample covariance (n − 1) over the complete pairs; NaN below two pairs.</summary>
    public static double Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        double n = 0, mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            n++;
            mx += x[i];
            my += y[i];
        }

        if (n < 2) return double.NaN;
        mx /= n;
        my /= n;
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            s += (x[i] - mx) * (y[i] - my);
        }

        return s / (n - 1);
    }

    /// <summary>Replaces values by their ranks, 1 = lowest, ties sharing their mean rank (R's <c>rank()</c> default).</summary>
    internal static void MeanRanks(double[] values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++) values[order[k]] = rank;
            start = end;
        }
    }

    private static void CheckLengths(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Columns of different lengths ({x.Length} and {y.Length}).", nameof(y));
        }
    }
}
