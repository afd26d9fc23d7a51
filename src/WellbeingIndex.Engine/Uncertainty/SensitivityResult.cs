namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// What a sensitivity analysis found: each area's nominal rank and rank interval over all runs, the output of every
/// run (the mean absolute rank shift against the nominal ranks) and, for a Sobol design, each input's indices.
/// </summary>
public sealed record SensitivityResult(SensitivityOptions Options, int RunCount, IReadOnlyList<AreaUncertainty> Areas,
    IReadOnlyList<double> RankShift, IReadOnlyList<SobolIndex> Sobol, double OutputVariance);
