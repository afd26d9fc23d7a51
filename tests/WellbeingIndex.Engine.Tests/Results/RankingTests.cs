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
}
