using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// <c>GET /api/jobs/{jobId}/result</c> of a sensitivity job: what <c>wellbeing sensitivity</c> writes to
/// rank_intervals.csv and sobol.csv, as JSON. Undefined values (an area without a score, a Sobol interval without
/// bootstrap) are null.
/// </summary>
/// <param name="FrameworkId">The framework analysed.</param>
/// <param name="Period">The period analysed.</param>
/// <param name="WhatIf">True when the request changed the definition (weights, methods) before the analysis.</param>
/// <param name="Inputs">The uncertain inputs, as named in <see cref="Sobol"/> ("weights L1", "aggregate").</param>
/// <param name="Runs">Runs asked for (the base sample N of a Sobol design).</param>
/// <param name="RunCount">Runs made: N·(d + 2) for a Sobol design of d inputs.</param>
/// <param name="Seed">The random seed: the same request gives the same answer.</param>
/// <param name="OutputVariance">Variance of the mean absolute rank shift over the runs (of the A and B runs for Sobol).</param>
/// <param name="Areas">Each area's nominal rank and rank interval.</param>
/// <param name="Sobol">First-order and total Sobol indices with bootstrap 5–95 % intervals; empty without <c>sobol</c>.</param>
/// <param name="ComputedAt">When the analysis finished.</param>
public sealed record SensitivityDocument(string FrameworkId, ReferencePeriod Period, bool WhatIf, IReadOnlyList<string> Inputs,
    int Runs, int RunCount, int Seed, double? OutputVariance, IReadOnlyList<RankUncertainty> Areas, IReadOnlyList<SobolEstimate> Sobol, Instant ComputedAt)
{
    /// <summary>The API's form of the engine's <paramref name="result"/>, NaN as null.</summary>
    public static SensitivityDocument From(string frameworkId, ReferencePeriod period, bool whatIf, SensitivityResult result, Instant computedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SensitivityDocument(frameworkId, period, whatIf, result.Options.Inputs.Select(i => i.Name).ToList(), result.Options.Runs,
            result.RunCount, result.Options.Seed, Finite(result.OutputVariance), result.Areas.Select(RankUncertainty.From).ToList(),
            result.Sobol.Select(SobolEstimate.From).ToList(), computedAt);
    }

    internal static double? Finite(double v) => double.IsFinite(v) ? v : null;
}

/// <summary>One uncertain input's Sobol indices: S (alone) and ST (alone and in interaction), each with its bootstrap 5–95 % interval.</summary>
public sealed record SobolEstimate(string Input, double? First, double? FirstP05, double? FirstP95, double? Total, double? TotalP05, double? TotalP95)
{
    public static SobolEstimate From(SobolIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        static double? F(double v) => SensitivityDocument.Finite(v);
        return new SobolEstimate(index.Input, F(index.First), F(index.FirstP05), F(index.FirstP95), F(index.Total), F(index.TotalP05), F(index.TotalP95));
    }
}
