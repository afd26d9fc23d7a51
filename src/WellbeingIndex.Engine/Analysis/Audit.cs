using System.Collections.Immutable;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Analysis;

/// <summary>A correlation between two columns of the aggregated data set (<see cref="Method"/> pearson or spearman).</summary>
public sealed record CorrelationPair(string A, string B, string Method, double R);

/// <summary>One aggregate's first principal component over its children: one row per child.</summary>
public sealed record PcaLoading(string Group, string Code, double Loading, double VarianceShare, double Weight);

/// <summary>A node's weight within its parent and its effective weight in the index (the product of normalised weights up the tree).</summary>
public sealed record EffectiveWeight(string Code, int Level, double Weight, double Effective);

/// <summary>
/// The coherence checks of a run, as COINr's <c>get_stats</c>, <c>get_corr</c>, <c>get_cronbach</c>, <c>get_PCA</c>
/// and <c>get_eff_weights</c>. All work on the run's "aggregated" data set (normalised indicators and aggregates),
/// except the statistics, which describe the raw table and the one the normaliser saw.
/// </summary>
public sealed record AuditResult(
    IReadOnlyList<IndicatorStatistics> Statistics,
    IReadOnlyList<CorrelationPair> Correlations,
    IReadOnlyDictionary<string, double> Cronbach,
    IReadOnlyList<PcaLoading> Pca,
    IReadOnlyList<EffectiveWeight> EffectiveWeights)
{
    /// <summary>Audits <paramref name="result"/>; groups whose PCA is undefined (fewer than three complete rows) are left out.</summary>
    public static AuditResult Of(IndexResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var definition = result.Definition;
        var indicators = definition.Indicators;

        var tables = new List<ResultTable> { result.Table(ResultTable.Raw) };
        var beforeNormalise = result.Tables.TakeWhile(t => t.Name != ResultTable.Normalised).LastOrDefault();
        if (beforeNormalise is not null && beforeNormalise.Name != ResultTable.Raw && result.HasTable(ResultTable.Normalised))
        {
            tables.Add(beforeNormalise);
        }

        var stats = new IndicatorStatistics[tables.Count * indicators.Length];
        Parallel.For(0, stats.Length, new ParallelOptions { CancellationToken = cancellationToken, TaskScheduler = TaskScheduler.Current }, k =>
        {
            var table = tables[k / indicators.Length];
            var code = indicators[k % indicators.Length].Code;
            stats[k] = IndicatorStatistics.Of(table.Name, code, table.Column(code));
        });

        double[] Scores(string code) => result[code].Scores.ToArray();
        var groups = definition.AggregatesBottomUp;
        var pairs = new List<(string A, string B)>();
        foreach (var g in groups)
        {
            var children = definition.ChildrenOf(g.Code);
            for (var a = 0; a < children.Length; a++)
            {
                for (var b = a + 1; b < children.Length; b++) pairs.Add((children[a].Code, children[b].Code));
            }
        }

        pairs.AddRange(definition.Nodes.Where(n => n.Parent is not null).Select(n => (n.Code, n.Parent!)));
        var columns = definition.Nodes.ToDictionary(n => n.Code, n => Scores(n.Code), StringComparer.Ordinal);
        var orders = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var code in pairs.SelectMany(p => new[] { p.A, p.B }).Distinct())
        {
            orders[code] = Correlation.SortedRows(columns[code]);
        }

        var correlations = new CorrelationPair[pairs.Count * 2];
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken, TaskScheduler = TaskScheduler.Current }, p =>
        {
            var (a, b) = pairs[p];
            correlations[2 * p] = new CorrelationPair(a, b, "pearson", Correlation.Pearson(columns[a], columns[b]));
            correlations[2 * p + 1] = new CorrelationPair(a, b, "spearman", Correlation.Spearman(columns[a], orders[a], columns[b], orders[b]));
        });

        var cronbach = groups.ToImmutableSortedDictionary(g => g.Code,
            g => CronbachAlpha(definition.ChildrenOf(g.Code).Select(c => columns[c.Code]).ToArray()), StringComparer.Ordinal);

        var pca = new List<PcaLoading>();
        foreach (var g in groups)
        {
            var children = definition.ChildrenOf(g.Code);
            if (children.Length < 2) continue;
            PrincipalComponent component;
            try
            {
                component = PrincipalComponent.Of(children.Select(c => columns[c.Code]).ToArray(), g.Code);
            }
            catch (IndexComputationException)
            {
                continue;
            }

            pca.AddRange(children.Select((c, i) => new PcaLoading(g.Code, c.Code, component.Loadings[i], component.VarianceShare, component.Weights[i])));
        }

        return new AuditResult(stats, correlations, cronbach, pca, EffectiveWeightsOf(definition, result.Weights));
    }

    /// <summary>
    /// Cronbach's alpha as COINr's <c>get_cronbach</c>: with C the covariance matrix of the k columns (pairwise complete
    /// rows), α = k²·c̄/ΣC where c̄ is the mean off-diagonal covariance. NaN for fewer than two columns.
    /// </summary>
    public static double CronbachAlpha(IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var k = columns.Count;
        if (k < 2) return double.NaN;
        double all = 0, diagonal = 0;
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                var c = Correlation.Covariance(columns[a], columns[b]);
                if (double.IsNaN(c)) continue;
                if (a == b) diagonal += c;
                all += a == b ? c : 2 * c;
            }
        }

        var meanOff = (all - diagonal) / (k * (k - 1.0));
        return all == 0 ? double.NaN : k * k * meanOff / all;
    }

    /// <summary>COINr's <c>get_eff_weights</c>: weights normalised within each parent, multiplied down from the index.</summary>
    public static IReadOnlyList<EffectiveWeight> EffectiveWeightsOf(IndexDefinition definition, IReadOnlyDictionary<string, double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        double W(NodeDefinition n) => weights is not null && weights.TryGetValue(n.Code, out var w) ? w : n.Weight;
        var effective = new Dictionary<string, double>(StringComparer.Ordinal) { [definition.Root.Code] = 1 };
        foreach (var parent in definition.AggregatesBottomUp.Reverse())
        {
            var children = definition.ChildrenOf(parent.Code);
            var sum = children.Sum(W);
            foreach (var c in children) effective[c.Code] = effective[parent.Code] * W(c) / sum;
        }

        return definition.Nodes.Select(n => new EffectiveWeight(n.Code, definition.LevelOf(n.Code), n.Parent is null ? 1 : W(n), effective[n.Code])).ToList();
    }
}
