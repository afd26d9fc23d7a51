using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Tests.Results;

public class RankingTests
{
    [Fact]
    public void Highest_score_ranks_first_and_ties_share_the_best_rank()
    {
        // 10, 20, 20, 30, missing: 30 is 1st, the two 20s are both 2nd, 10 is 4th.
        var ranks = Ranking.RankDescending([10, 20, 20, 30, double.NaN]);

        Assert.Equal([4, 2, 2, 1, 0], ranks);
    }

    [Fact]
    public void Deciles_and_quintiles_split_ranked_areas_into_equal_bands()
    {
        // 20 areas ranked 1..20: decile = ceil(10 r / 20) = ceil(r / 2); quintile = ceil(r / 4).
        var ranks = Enumerable.Range(1, 20).ToArray();

        Assert.Equal(ranks.Select(r => (byte)((r + 1) / 2)), Ranking.Bands(ranks, 10));
        Assert.Equal(ranks.Select(r => (byte)((r + 3) / 4)), Ranking.Bands(ranks, 5));
    }

    [Fact]
    public void Bands_count_only_areas_with_a_score()
    {
        // Ranks 1, 2, 3 among 3 scored areas and one missing: deciles ceil(10/3)=4, ceil(20/3)=7, 10; missing 0.
        Assert.Equal([4, 7, 10, 0], Ranking.Bands([1, 2, 3, 0], 10));
    }

    [Fact]
    public void Bucket_ranks_are_one_plus_the_number_of_higher_scores()
    {
        // The definition, counted pair by pair: rank = 1 + #{j : score_j > score_i} (ties share the best rank), 0 for missing.
        static int[] ByDefinition(double[] s) => s.Select(v => double.IsNaN(v) ? 0 : 1 + s.Count(w => w > v)).ToArray();
        var random = new Random(11);
        List<double[]> columns =
        [
            [0.0, -0.0, 1, 1, double.NaN],                       // −0 ties with +0
            [5, 5, 5],                                           // constant
            [double.NaN, double.NaN],                            // nothing to rank
            [1e-300, 2e-300, 1e-300, 0],                         // a range so small its scale overflows
            [-1e308, 1e308, 0, double.PositiveInfinity],         // a range that is not finite
            [3],
        ];
        for (var trial = 0; trial < 60; trial++)
        {
            var n = 1 + random.Next(400);
            var distinct = trial % 3 == 0 ? 5 : 1_000_000;        // a third with many ties (crowded buckets)
            columns.Add(Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.05 ? double.NaN
                : trial % 4 == 1 ? Math.Exp(random.Next(distinct) / 1e4)                  // skewed
                : random.Next(distinct) / 7.0 - 10).ToArray());
        }

        foreach (var column in columns)
        {
            var ranks = new int[column.Length];
            Ranking.RankDescending(column, ranks);
            Assert.Equal(ByDefinition(column), ranks);
        }
    }
}
