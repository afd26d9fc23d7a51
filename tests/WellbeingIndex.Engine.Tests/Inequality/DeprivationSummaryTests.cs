using WellbeingIndex.Engine.Inequality;

namespace WellbeingIndex.Engine.Tests.Inequality;

public class DeprivationSummaryTests
{
    // A place with four areas ranked 5, 15, 25, 60 of n = 100 nationally (1 = most deprived); populations 50, 200, 300, 450.
    private static readonly int[] Ranks = [60, 5, 25, 15];
    private static readonly double[] Population = [450, 50, 300, 200];

    [Fact]
    public void Average_rank_uses_reversed_ranks()
    {
        // reversed ranks n + 1 − r: 96, 86, 76, 41; (50·96 + 200·86 + 300·76 + 450·41)/1000 = 63250/1000 = 63.25.
        Assert.Equal(63.25, DeprivationSummary.AverageRank(Ranks, Population, 100), 12);
    }

    [Fact]
    public void Proportion_in_the_most_deprived_tenth_counts_areas()
    {
        // r ≤ 100/10: only rank 5, 1 of 4 areas.
        Assert.Equal(0.25, DeprivationSummary.ProportionInMostDeprivedTenth(Ranks, 100), 12);
        // n = 33,755: decile 1 is ranks 1-3375 (10·3375 = 33,750 ≤ 33,755; 10·3376 = 33,760 > 33,755).
        Assert.Equal(0.5, DeprivationSummary.ProportionInMostDeprivedTenth([3375, 3376], 33_755), 12);
    }

    [Fact]
    public void Extent_by_hand()
    {
        // weights: r/n = 0.05 → 1; 0.15 → (0.3 − 0.15)/0.2 = 0.75; 0.25 → 0.25; 0.60 → 0.
        // (50·1 + 200·0.75 + 300·0.25 + 450·0)/1000 = (50 + 150 + 75)/1000 = 0.275.
        Assert.Equal(0.275, DeprivationSummary.Extent(Ranks, Population, 100), 12);
        Assert.Equal((1.0, 1.0, 0.0), (DeprivationSummary.ExtentWeight(1, 100), DeprivationSummary.ExtentWeight(10, 100), DeprivationSummary.ExtentWeight(30, 100)));
        Assert.Equal(0.5, DeprivationSummary.ExtentWeight(20, 100), 12);
    }

    [Fact]
    public void Local_concentration_takes_exactly_ten_percent_of_the_population()
    {
        // 10 % of 1000 = 100 people: all 50 of rank 5 (reversed 96) and 50 of the 200 of rank 15 (reversed 86):
        // (50·96 + 50·86)/100 = 91.
        Assert.Equal(91, DeprivationSummary.LocalConcentration(Ranks, Population, 100), 12);
    }

    [Fact]
    public void Bad_ranks_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeprivationSummary.Extent([0], [1], 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeprivationSummary.ProportionInMostDeprivedTenth([101], 100));
        Assert.Throws<ArgumentException>(() => DeprivationSummary.AverageRank([1, 2], [1], 100));
    }
}
