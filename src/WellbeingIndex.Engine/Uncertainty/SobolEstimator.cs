namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// One input's variance-based sensitivity indices with bootstrap 5th–95th percentile intervals: the first-order index
/// S (the share of the output's variance the input explains alone) and the total index ST (alone and in interaction).
/// </summary>
public sealed record SobolIndex(string Input, double First, double FirstP05, double FirstP95, double Total, double TotalP05, double TotalP95);

/// <summary>
/// COINr's estimators (R/sensitivity.R, <c>SA_estimate</c>) on the outputs of the N·(d + 2) runs of a Saltelli design
/// (A, B, then A_B^i for each input i: A with column i taken from B): with V the variance of y_A and y_B together,
/// S_i = mean(y_B·(y_ABi − y_A))/V and ST_i = Σ(y_A − y_ABi)²/(2N·V). The bootstrap resamples, as COINr does, each
/// input's N terms with replacement and takes the 5th and 95th percentiles.
/// </summary>
public static class SobolEstimator
{
    /// <summary>
    /// Estimates the indices from <paramref name="y"/> laid out as COINr's <c>yy</c>: y_A (N), y_B (N), then N per input.
    /// </summary>
    public static IReadOnlyList<SobolIndex> Estimate(ReadOnlySpan<double> y, int n, IReadOnlyList<string> inputs, int bootstrap = 1000, int seed = 20261122)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var d = inputs.Count;
        if (n < 2 || y.Length != n * (d + 2))
        {
            throw new ArgumentException($"expected N·(d + 2) = {n}·{d + 2} outputs, got {y.Length}.", nameof(y));
        }

        var yA = y[..n];
        var yB = y.Slice(n, n);
        double mean = 0;
        for (var i = 0; i < 2 * n; i++) mean += y[i];
        mean /= 2 * n;
        double v = 0;
        for (var i = 0; i < 2 * n; i++) v += (y[i] - mean) * (y[i] - mean);
        v /= 2 * n - 1;

        var result = new SobolIndex[d];
        var random = new Random(seed);
        var firstTerms = new double[n];
        var totalTerms = new double[n];
        var firstBoot = new double[bootstrap];
        var totalBoot = new double[bootstrap];
        for (var j = 0; j < d; j++)
        {
            var yABi = y.Slice((j + 2) * n, n);
            for (var i = 0; i < n; i++)
            {
                firstTerms[i] = yB[i] * (yABi[i] - yA[i]);
                var diff = yA[i] - yABi[i];
                totalTerms[i] = diff * diff;
            }

            var first = firstTerms.Average() / v;
            var total = totalTerms.Sum() / (2 * n * v);
            for (var b = 0; b < bootstrap; b++)
            {
                double sf = 0, st = 0;
                for (var i = 0; i < n; i++) sf += firstTerms[random.Next(n)];
                for (var i = 0; i < n; i++) st += totalTerms[random.Next(n)];
                firstBoot[b] = sf / n / v;
                totalBoot[b] = st / (2 * n * v);
            }

            Array.Sort(firstBoot);
            Array.Sort(totalBoot);
            result[j] = bootstrap > 1
                ? new SobolIndex(inputs[j], first, UncertaintyAnalysis.Quantile(firstBoot, 0.05), UncertaintyAnalysis.Quantile(firstBoot, 0.95),
                    total, UncertaintyAnalysis.Quantile(totalBoot, 0.05), UncertaintyAnalysis.Quantile(totalBoot, 0.95))
                : new SobolIndex(inputs[j], first, double.NaN, double.NaN, total, double.NaN, double.NaN);
        }

        return result;
    }

    /// <summary>
    /// The N·(d + 2) × d design of uniform draws, as COINr's <c>SA_sample</c>: rows 0..N−1 are A, N..2N−1 are B, then
    /// for each input i the N rows of A with column i from B.
    /// </summary>
    public static double[][] Design(int n, int d, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var a = new double[n][];
        var b = new double[n][];
        for (var i = 0; i < n; i++)
        {
            a[i] = new double[d];
            b[i] = new double[d];
            for (var j = 0; j < d; j++) a[i][j] = random.NextDouble();
            for (var j = 0; j < d; j++) b[i][j] = random.NextDouble();
        }

        var rows = new List<double[]>(n * (d + 2));
        rows.AddRange(a);
        rows.AddRange(b);
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = (double[])a[i].Clone();
                row[j] = b[i][j];
                rows.Add(row);
            }
        }

        return [.. rows];
    }
}
