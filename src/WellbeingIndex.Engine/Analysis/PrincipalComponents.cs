namespace WellbeingIndex.Engine.Analysis;

/// <summary>
/// The first principal component of a few columns, as COINr's <c>get_PCA</c> (R's <c>prcomp(center = TRUE, scale =
/// TRUE)</c> on the rows with every column present): the leading eigenvector of the correlation matrix. The sign is
/// fixed so that the loadings sum to a positive number (an eigenvector's sign is arbitrary). The implied weights are the
/// squared loadings, which sum to 1 (the OECD/JRC Handbook's rule; COINr returns the signed loadings themselves).
/// </summary>
public sealed record PrincipalComponent(IReadOnlyList<double> Loadings, double VarianceShare, IReadOnlyList<double> Weights, int RowsUsed)
{
    /// <summary>Computes the first component; throws <see cref="IndexComputationException"/> when it is undefined.</summary>
    public static PrincipalComponent Of(IReadOnlyList<double[]> columns, string what)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var k = columns.Count;
        if (k < 2)
        {
            throw new IndexComputationException($"PCA of {what}: needs at least two columns.");
        }

        var n = columns[0].Length;
        var rows = Enumerable.Range(0, n).Where(i => columns.All(c => !double.IsNaN(c[i]))).ToArray();
        if (rows.Length < 3)
        {
            throw new IndexComputationException($"PCA of {what}: only {rows.Length} rows have every column present.");
        }

        var complete = columns.Select(c => rows.Select(r => c[r]).ToArray()).ToArray();
        var corr = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                var r = a == b ? 1 : Correlation.Pearson(complete[a], complete[b]);
                if (double.IsNaN(r))
                {
                    throw new IndexComputationException($"PCA of {what}: a column has no spread over the complete rows.");
                }

                corr[a, b] = corr[b, a] = r;
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(corr);
        var top = 0;
        for (var j = 1; j < k; j++)
        {
            if (values[j] > values[top]) top = j;
        }

        var loadings = Enumerable.Range(0, k).Select(i => vectors[i, top]).ToArray();
        if (loadings.Sum() < 0)
        {
            for (var i = 0; i < k; i++) loadings[i] = -loadings[i];
        }

        // The trace of a correlation matrix is k, so the first component's share of variance is λ₁/k.
        return new PrincipalComponent(loadings, values[top] / k, loadings.Select(l => l * l).ToArray(), rows.Length);
    }
}
