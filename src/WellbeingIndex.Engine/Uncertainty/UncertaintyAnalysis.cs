using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// Monte Carlo sensitivity of the index's ranks to the weights and method choices, after COINr's
/// <c>get_sensitivity(SA_type = "UA")</c>: each run perturbs the definition, recomputes the whole recipe and ranks.
/// </summary>
public static class UncertaintyAnalysis
{
    /// <summary>The analysis of a run already made: its definition perturbed, on its own input data.</summary>
    public static UncertaintyResult Run(IndexResult result, UncertaintyOptions options, MethodRegistry? registry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Run(result.Definition, result.Input, options, registry, cancellationToken);
    }

    public static UncertaintyResult Run(IndexDefinition definition, IndicatorData data, UncertaintyOptions options,
        MethodRegistry? registry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var nominal = IndexPipeline.Run(definition, data, registry, cancellationToken).Index.Ranks.ToArray();
        var n = data.AreaCount;
        var ranks = new int[options.Runs][];
        var variants = new IndexDefinition[options.Runs];
        var random = new Random(options.Seed);
        for (var r = 0; r < options.Runs; r++)
        {
            variants[r] = Perturb(definition, options, random, registry);
        }

        try
        {
            Parallel.For(0, options.Runs, new ParallelOptions { CancellationToken = cancellationToken },
                r => ranks[r] = IndexPipeline.Run(variants[r], data, registry, cancellationToken).Index.Ranks.ToArray());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A variant that cannot be computed (say gmean meeting a negative z-score) is reported as itself.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var areas = new AreaUncertainty[n];
        var column = new double[options.Runs];
        for (var i = 0; i < n; i++)
        {
            var count = 0;
            var shift = 0.0;
            for (var r = 0; r < options.Runs; r++)
            {
                if (ranks[r][i] > 0)
                {
                    column[count++] = ranks[r][i];
                    shift += Math.Abs(ranks[r][i] - nominal[i]);
                }
            }

            var present = column.AsSpan(0, count);
            present.Sort();
            areas[i] = count == 0
                ? new AreaUncertainty(data.AreaCodes[i], nominal[i], double.NaN, double.NaN, double.NaN, double.NaN)
                : new AreaUncertainty(data.AreaCodes[i], nominal[i], Quantile(present, 0.5), Quantile(present, 0.05), Quantile(present, 0.95),
                    nominal[i] > 0 ? shift / count : double.NaN);
        }

        return new UncertaintyResult(options.Runs, options, areas);
    }

    /// <summary>Quantile by linear interpolation between order statistics (R's default, type 7).</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static IndexDefinition Perturb(IndexDefinition definition, UncertaintyOptions options, Random random, MethodRegistry? registry)
    {
        // Alternative methods replace per-node choices too, as a what-if "normalise"/"aggregate" does: otherwise a
        // definition whose every indicator overrides (the HDI's goalposts) would never vary.
        var nodes = definition.Nodes
            .Select(n => n.Parent is null ? n : n with { Weight = n.Weight * (1 + options.WeightNoise * (2 * random.NextDouble() - 1)) })
            .Select(n => n with
            {
                Normalise = options.Normalisations.Count > 0 ? null : n.Normalise,
                Aggregate = options.Aggregations.Count > 0 ? null : n.Aggregate,
            })
            .ToList();
        var steps = definition.Steps.ToList();
        var levels = definition.Levels.ToList();
        if (options.Normalisations.Count > 0)
        {
            var pick = options.Normalisations[random.Next(options.Normalisations.Count)];
            var at = steps.FindIndex(s => s.Step == StepNames.Normalise);
            if (at >= 0)
            {
                steps[at] = new StepDefinition(StepNames.Normalise, pick);
            }
            else
            {
                steps.Insert(steps.Count - 1, new StepDefinition(StepNames.Normalise, pick));
            }
        }

        if (options.Aggregations.Count > 0)
        {
            var pick = options.Aggregations[random.Next(options.Aggregations.Count)];
            steps[^1] = new StepDefinition(StepNames.Aggregate, pick);
            levels = levels.Select(l => l with { Aggregate = null }).ToList();
        }

        return definition.With(nodes, steps, levels, registry: registry);
    }
}
