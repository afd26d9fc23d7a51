namespace WellbeingIndex.Publication;

/// <summary>One aggregate node's (the index's or a domain's) result for one area. Nulls mean the score is missing.</summary>
/// <param name="NodeCode">The node's code in the definition.</param>
/// <param name="Score">The aggregated score.</param>
/// <param name="Rank">1 = best; ties share the best rank.</param>
/// <param name="Decile">1 = best tenth.</param>
/// <param name="Quintile">1 = best fifth.</param>
/// <param name="Coverage">Share (0–1) of the node's children present for the area.</param>
public sealed record NodeScore(string NodeCode, double? Score, int? Rank, int? Decile, int? Quintile, double? Coverage);
