namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// How firmly one area holds its place: its rank in the nominal run and the spread of its rank over the perturbed runs
/// (median and the 5th–95th percentile interval). A wide interval says the league-table position is an artefact of
/// the method choices, not of the data.
/// </summary>
/// <remarks>MeanAbsoluteRankShift is NaN for an area with no rank in the nominal run.</remarks>
public sealed record AreaUncertainty(string AreaCode, int NominalRank, double MedianRank, double RankP05, double RankP95, double MeanAbsoluteRankShift);
