namespace WellbeingIndex.Engine.Inequality;

/// <summary>
/// One place (local authority, region, England) summarised from its small areas' scores on one node: the weighted
/// roll-up, the inequality within it, and the IoD summary measures. A measure that does not apply is null, with
/// <see cref="Note"/> saying why (Atkinson needs positive scores); never NaN.
/// </summary>
/// <param name="Place">The place's code.</param>
/// <param name="Areas">Small areas with a score.</param>
/// <param name="MissingAreas">Small areas of the place with no score (left out of every measure).</param>
/// <param name="Weight">The sum of their weights (population).</param>
/// <param name="Mean">Weighted mean score: the place's roll-up.</param>
/// <param name="LowestFifth">Weighted mean of the lowest-scoring fifth of its areas (by count).</param>
/// <param name="HighestFifth">Weighted mean of the highest-scoring fifth.</param>
/// <param name="FifthGap">HighestFifth − LowestFifth.</param>
/// <param name="Gini">Gini over people; null for negative scores.</param>
/// <param name="Atkinson05">Atkinson, ε = 0.5; null unless every score is positive.</param>
/// <param name="Atkinson1">Atkinson, ε = 1; null unless every score is positive.</param>
/// <param name="AdjustedMean05">Mean × (1 − Atkinson05), the IHDI-style inequality-adjusted score.</param>
/// <param name="AdjustedMean1">Mean × (1 − Atkinson1).</param>
/// <param name="Threshold">The threshold of <paramref name="ShareBelow"/>, when one was given.</param>
/// <param name="ShareBelow">Share of the weight (people) in areas scoring below <paramref name="Threshold"/>, 0–1.</param>
/// <param name="AverageRank">IoD average rank: weighted mean of reversed national ranks (most deprived = n).</param>
/// <param name="ProportionMostDeprivedTenth">IoD: share of its areas in the most deprived tenth nationally.</param>
/// <param name="Extent">IoD extent (see <see cref="DeprivationSummary.Extent"/>).</param>
/// <param name="LocalConcentration">IoD local concentration (see <see cref="DeprivationSummary.LocalConcentration"/>).</param>
/// <param name="Note">Why a measure is null, if one is.</param>
public sealed record PlaceSummary(
    string Place,
    int Areas,
    int MissingAreas,
    double Weight,
    double Mean,
    double LowestFifth,
    double HighestFifth,
    double FifthGap,
    double? Gini,
    double? Atkinson05,
    double? Atkinson1,
    double? AdjustedMean05,
    double? AdjustedMean1,
    double? Threshold,
    double? ShareBelow,
    double AverageRank,
    double ProportionMostDeprivedTenth,
    double Extent,
    double LocalConcentration,
    string? Note);
