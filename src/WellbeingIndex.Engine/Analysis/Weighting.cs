using System.Globalization;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Analysis;

/// <summary>
/// How an aggregate weights its children (a node's <c>weighting</c>): <c>explicit</c> (the children's own weights, the
/// default), <c>equal</c>, <c>pca</c> (squared loadings of the children's first principal component, see
/// <see cref="PrincipalComponent"/>) or <c>balance</c> (COINr's <c>get_opt_weights(optype = "balance")</c>: weights such
/// that each child's Pearson correlation with the aggregate, as a share of the children's summed correlations, meets
/// a target share; targets are numbers keyed by child code, equal when absent). Data-driven weights are computed from
/// the children's scores in each run.
/// </summary>
public static class Weighting
{
    public const string Explicit = "explicit";
    public const string Equal = "equal";
    public const string Pca = "pca";
    public const string Balance = "balance";

    /// <summary>Largest gap between a target share and the achieved correlation share that balancing accepts.</summary>
    public const double BalanceTolerance = 1e-3;

    private static readonly string[] Methods = [Explicit, Equal, Pca, Balance];

    /// <summary>Every problem with a weighting spec for an aggregate with children <paramref name="children"/>.</summary>
    public static IEnumerable<ParameterProblem> Validate(MethodSpec spec, IReadOnlyCollection<string> children)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(children);
        if (!Methods.Contains(spec.Method))
        {
            yield return new ParameterProblem(null, $"unknown weighting '{spec.Method}'; known: {string.Join(", ", Methods)}.");
            yield break;
        }

        foreach (var t in spec.Texts.Keys)
        {
            yield return new ParameterProblem(t, "unknown parameter.");
        }

        foreach (var (name, value) in spec.Numbers)
        {
            if (spec.Method != Balance)
            {
                yield return new ParameterProblem(name, $"unknown parameter; '{spec.Method}' takes none.");
            }
            else if (!children.Contains(name))
            {
                yield return new ParameterProblem(name, $"balance targets are keyed by child code; '{name}' is not a child of this aggregate.");
            }
            else if (!(value > 0))
            {
                yield return new ParameterProblem(name, string.Create(CultureInfo.InvariantCulture, $"a correlation target must be positive, got {value}."));
            }
        }

        if (spec.Method is Pca or Balance && children.Count < 2)
        {
            yield return new ParameterProblem(null, $"'{spec.Method}' weighting needs at least two children.");
        }
    }

    /// <summary>
    /// The weights the children get. <paramref name="aggregate"/> computes the aggregate for given weights (balance
    /// iterates it); <paramref name="node"/> names the aggregate in errors.
    /// </summary>
    public static double[] Weights(MethodSpec? spec, IReadOnlyList<string> childCodes, IReadOnlyList<double> explicitWeights,
        IReadOnlyList<double[]> children, Func<double[], double[]> aggregate, string node)
    {
        ArgumentNullException.ThrowIfNull(childCodes);
        ArgumentNullException.ThrowIfNull(explicitWeights);
        return spec?.Method switch
        {
            null or Explicit => [.. explicitWeights],
            Equal => Enumerable.Repeat(1.0, childCodes.Count).ToArray(),
            Pca => PrincipalComponent.Of(children, $"the children of '{node}'").Weights.Select(w => Math.Max(w, 1e-12)).ToArray(),
            Balance => Balanced(childCodes.Select(c => spec.Number(c, 1)).ToArray(), children, aggregate, node),
            _ => throw new IndexComputationException($"unknown weighting '{spec.Method}' for '{node}'."),
        };
    }

    /// <summary>
    /// Multiplicative updates w ← w·(target/achieved)^½ on the correlation shares, from the target shares, until every
    /// share is within <see cref="BalanceTolerance"/>; weights are returned summing to 1. Throws
    /// <see cref="IndexComputationException"/> when 2,000 iterations do not get there (targets out of reach).
    /// </summary>
    internal static double[] Balanced(double[] targets, IReadOnlyList<double[]> children, Func<double[], double[]> aggregate, string node)
    {
        var k = targets.Length;
        var total = targets.Sum();
        var target = targets.Select(t => t / total).ToArray();
        var w = (double[])target.Clone();
        var best = (double[])w.Clone();
        var bestGap = double.PositiveInfinity;
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var parent = aggregate(w);
            var r = children.Select(c => Correlation.Pearson(c, parent)).ToArray();
            if (r.Any(x => !(x > 0)))
            {
                throw new IndexComputationException($"balance weighting of '{node}': a child is not positively correlated with the aggregate, so correlations cannot be balanced.");
            }

            var sum = r.Sum();
            var gap = 0.0;
            for (var j = 0; j < k; j++) gap = Math.Max(gap, Math.Abs(r[j] / sum - target[j]));
            if (gap < bestGap)
            {
                bestGap = gap;
                best = (double[])w.Clone();
            }

            if (gap < BalanceTolerance) break;
            for (var j = 0; j < k; j++) w[j] *= Math.Sqrt(target[j] / (r[j] / sum));
            var ws = w.Sum();
            for (var j = 0; j < k; j++) w[j] /= ws;
        }

        return bestGap < BalanceTolerance
            ? best
            : throw new IndexComputationException(string.Create(CultureInfo.InvariantCulture,
                $"balance weighting of '{node}': the target correlation shares cannot be met (the closest weights miss a share by {bestGap:0.####}); correlated children limit how far their shares can differ."));
    }
}
