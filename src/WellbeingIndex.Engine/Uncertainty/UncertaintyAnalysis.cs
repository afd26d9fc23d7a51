using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// Monte Carlo sensitivity of the index's ranks to the weights and method choices, after COINr's
/// <c>get_sensitivity(SA_type = "UA")</c>: the <see cref="SensitivityAnalysis"/> of weights (every level), and of the
/// normalisation and aggregation when alternatives are given.
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

        var inputs = new List<UncertainInput>();
        if (options.WeightNoise > 0)
        {
            inputs.AddRange(Enumerable.Range(1, definition.Depth - 1).Select(l => UncertainInput.Weights(l, options.WeightNoise)));
        }

        if (options.Normalisations.Count > 0)
        {
            inputs.Add(UncertainInput.Choice(UncertainInputKind.Normalise, options.Normalisations));
        }

        if (options.Aggregations.Count > 0)
        {
            inputs.Add(UncertainInput.Choice(UncertainInputKind.Aggregate, options.Aggregations));
        }

        if (inputs.Count == 0)
        {
            // Nothing varies: every run is the nominal one.
            inputs.Add(UncertainInput.Weights(1, 0));
        }

        var result = SensitivityAnalysis.Run(definition, data, new SensitivityOptions { Inputs = inputs, Runs = options.Runs, Seed = options.Seed },
            registry: registry, cancellationToken: cancellationToken);
        return new UncertaintyResult(options.Runs, options, result.Areas);
    }

    /// <summary>Quantile of sorted values by linear interpolation between order statistics (R's default, type 7); needs at least one value.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
