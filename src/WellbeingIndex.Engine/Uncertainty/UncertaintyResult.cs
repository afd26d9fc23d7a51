namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>The index's rank stability per area over <see cref="Runs"/> perturbed runs.</summary>
public sealed record UncertaintyResult(int Runs, UncertaintyOptions Options, IReadOnlyList<AreaUncertainty> Areas);
