using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Inequality;

/// <summary>
/// Rolls a node's small-area scores up to places and measures inequality within each: groups the areas by place,
/// weights them (population or households), and computes a <see cref="PlaceSummary"/> per place. National ranks for
/// the IoD measures are over every area with a score, the most deprived (the worst) first.
/// </summary>
public static class PlaceSummaries
{
    /// <param name="scores">The node's score per small area (NaN = missing).</param>
    /// <param name="weights">Each area's weight (population); finite, not negative.</param>
    /// <param name="places">Each area's place code, or null to leave the area out of every place (it still counts nationally).</param>
    /// <param name="higherIsWorse">True for a deprivation score (IMD: higher = more deprived); false for a wellbeing score,
    /// whose lowest scores are the most deprived for the IoD measures.</param>
    /// <param name="threshold">For <see cref="PlaceSummary.ShareBelow"/>; null to skip it.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a weight is negative or not finite.</exception>
    public static IReadOnlyList<PlaceSummary> Compute(ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, IReadOnlyList<string?> places,
        bool higherIsWorse, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(places);
        if (weights.Length != scores.Length || places.Count != scores.Length)
        {
            throw new ArgumentException($"{scores.Length} scores, {weights.Length} weights and {places.Count} places: need one of each per area.", nameof(places));
        }

        var keyed = new double[scores.Length];
        for (var i = 0; i < keyed.Length; i++)
        {
            keyed[i] = higherIsWorse ? scores[i] : -scores[i];
        }

        var ranks = Ranking.RankDescending(keyed);
        var national = 0;
        foreach (var s in scores)
        {
            national += double.IsNaN(s) ? 0 : 1;
        }

        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < places.Count; i++)
        {
            if (places[i] is { } place)
            {
                if (!groups.TryGetValue(place, out var list))
                {
                    groups[place] = list = [];
                }

                list.Add(i);
            }
        }

        var all = scores.ToArray();
        var results = new List<PlaceSummary>(groups.Count);
        foreach (var (place, members) in groups)
        {
            var present = members.Where(i => !double.IsNaN(all[i])).ToArray();
            if (present.Length == 0)
            {
                continue;
            }

            var s = present.Select(i => all[i]).ToArray();
            var w = new double[present.Length];
            var r = new int[present.Length];
            for (var k = 0; k < present.Length; k++)
            {
                w[k] = weights[present[k]];
                r[k] = ranks[present[k]];
            }

            results.Add(Summarise(place, s, w, r, national, members.Count - present.Length, threshold));
        }

        return results;
    }

    private static PlaceSummary Summarise(string place, double[] scores, double[] weights, int[] ranks, int national, int missing, double? threshold)
    {
        var d = new WeightedDistribution(scores, weights);
        var (low, high) = d.FifthMeans();
        double? gini = null, a05 = null, a1 = null;
        string? note = null;
        if (d.Min >= 0 && d.Mean > 0)
        {
            gini = d.Gini();
        }
        else
        {
            note = "Gini needs non-negative scores; ";
        }

        if (d.Min > 0)
        {
            a05 = d.Atkinson(0.5);
            a1 = d.Atkinson(1);
        }
        else
        {
            note += $"Atkinson needs positive scores (the lowest is {d.Min:G6}).";
        }

        return new PlaceSummary(place, scores.Length, missing, d.TotalWeight, d.Mean, low, high, high - low, gini, a05, a1,
            a05 is { } x ? d.Mean * (1 - x) : null, a1 is { } y ? d.Mean * (1 - y) : null,
            threshold, threshold is { } t ? d.ShareBelow(t) : null,
            DeprivationSummary.AverageRank(ranks, weights, national), DeprivationSummary.ProportionInMostDeprivedTenth(ranks, national),
            DeprivationSummary.Extent(ranks, weights, national), DeprivationSummary.LocalConcentration(ranks, weights, national),
            note?.Trim().TrimEnd(';'));
    }
}
