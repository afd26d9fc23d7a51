using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// One area's rank stability as the API sends it: the engine's <see cref="AreaUncertainty"/> with its NaN (an area
/// without an index score, e.g. below minimum coverage) as null, because no NaN may leave the API and System.Text.Json
/// refuses to write one (the response would break off half-written).
/// </summary>
/// <param name="AreaCode">The area.</param>
/// <param name="NominalRank">The index rank with the definition's own weights; null when the area has no score.</param>
/// <param name="MedianRank">Median rank over the runs.</param>
/// <param name="RankP05">5th percentile of the rank.</param>
/// <param name="RankP95">95th percentile of the rank.</param>
/// <param name="MeanAbsoluteRankShift">Mean absolute difference from the nominal rank.</param>
public sealed record RankUncertainty(string AreaCode, int? NominalRank, double? MedianRank, double? RankP05, double? RankP95, double? MeanAbsoluteRankShift)
{
    /// <summary>The engine's figures, NaN as null.</summary>
    public static RankUncertainty From(AreaUncertainty area)
    {
        ArgumentNullException.ThrowIfNull(area);
        static double? Finite(double v) => double.IsFinite(v) ? v : null;
        return new RankUncertainty(area.AreaCode, area.NominalRank > 0 ? area.NominalRank : null, Finite(area.MedianRank),
            Finite(area.RankP05), Finite(area.RankP95), Finite(area.MeanAbsoluteRankShift));
    }
}
