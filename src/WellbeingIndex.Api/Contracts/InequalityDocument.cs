using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Inequality;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// A small-area framework's node rolled up to places (population-weighted) with the inequality within each place and
/// the IoD summary measures: what <c>GET /api/frameworks/{id}/inequality</c> answers. A measure that does not apply is
/// null with the reason in <c>note</c>; never NaN.
/// </summary>
/// <param name="FrameworkId">The framework.</param>
/// <param name="Period">The run's period.</param>
/// <param name="Node">The node summarised.</param>
/// <param name="By">The places: <c>la</c>, <c>region</c> or <c>england</c>.</param>
/// <param name="HigherIsWorse">Whether high scores were read as deprived for the IoD measures.</param>
/// <param name="Threshold">The threshold of <c>shareBelow</c>, when asked for.</param>
/// <param name="Weighting">What the weights are.</param>
/// <param name="Places">One entry per place, by code.</param>
public sealed record InequalityDocument(string FrameworkId, ReferencePeriod Period, string Node, string By, bool HigherIsWorse, double? Threshold,
    string Weighting, IReadOnlyList<InequalityDocument.Place> Places)
{
    /// <summary>One place; the fields are <see cref="PlaceSummary"/>'s (shares and indices 0–1).</summary>
    public sealed record Place(string Code, string Name, int Areas, int MissingAreas, double Population, double Mean, double LowestFifth,
        double HighestFifth, double FifthGap, double? Gini, double? Atkinson05, double? Atkinson1, double? AdjustedMean05, double? AdjustedMean1,
        double? ShareBelow, double AverageRank, double ProportionMostDeprivedTenth, double Extent, double LocalConcentration, string? Note);

    /// <summary>The document of <paramref name="rollup"/>.</summary>
    public static InequalityDocument From(PlaceRollup rollup, string by, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return new InequalityDocument(rollup.FrameworkId, rollup.Period, rollup.Node, by, rollup.HigherIsWorse, threshold, rollup.Weighting,
            rollup.Places.Select(p => new Place(p.Place, rollup.Names.GetValueOrDefault(p.Place, p.Place), p.Areas, p.MissingAreas, p.Weight, p.Mean,
                p.LowestFifth, p.HighestFifth, p.FifthGap, p.Gini, p.Atkinson05, p.Atkinson1, p.AdjustedMean05, p.AdjustedMean1, p.ShareBelow,
                p.AverageRank, p.ProportionMostDeprivedTenth, p.Extent, p.LocalConcentration, p.Note)).ToList());
    }
}
