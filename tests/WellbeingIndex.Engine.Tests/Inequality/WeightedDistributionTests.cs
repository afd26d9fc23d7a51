using WellbeingIndex.Engine.Inequality;

namespace WellbeingIndex.Engine.Tests.Inequality;

public class WeightedDistributionTests
{
    private static readonly WeightedDistribution OneToFour = new([4, 1, 3, 2], [1, 1, 1, 1]);

    [Fact]
    public void Gini_of_a_known_vector()
    {
        // x = 1, 2, 3, 4, equal weights: Σ|xi − xj| over ordered pairs = 2·(1+2+3+1+2+1) = 20; μ = 2.5;
        // G = 20 / (2 · 4² · 2.5) = 20 / 80 = 0.25.
        Assert.Equal(2.5, OneToFour.Mean, 12);
        Assert.Equal(0.25, OneToFour.Gini(), 12);
        // x = 1, 3 with weights 3, 1 is the vector 1, 1, 1, 3: μ = 1.5; ordered pairs differing by 2: 6, Σ = 12;
        // G = 12 / (2 · 16 · 1.5) = 0.25.
        Assert.Equal(0.25, new WeightedDistribution([1, 3], [3, 1]).Gini(), 12);
        Assert.Equal(0, new WeightedDistribution([5, 5, 5], [1, 2, 3]).Gini(), 12);
    }

    [Fact]
    public void Atkinson_by_hand()
    {
        // ε = 1: EDE = geometric mean = 24^(1/4) = 2.2133638; A = 1 − 2.2133638/2.5 = 0.1146545.
        Assert.Equal(0.1146545, OneToFour.Atkinson(1), 6);
        Assert.Equal(2.2133638, OneToFour.EquallyDistributedEquivalent(1), 6);
        // ε = 0.5: EDE = (mean of √x)² = ((1 + 1.4142136 + 1.7320508 + 2)/4)² = 1.5365661² = 2.3610353;
        // A = 1 − 2.3610353/2.5 = 0.0555859.
        Assert.Equal(0.0555859, OneToFour.Atkinson(0.5), 6);
        // ε = 0: no aversion, EDE = mean, A = 0.
        Assert.Equal(0, OneToFour.Atkinson(0), 12);
    }

    [Fact]
    public void Atkinson_refuses_zero_or_negative_values()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new WeightedDistribution([0, 1], [1, 1]).Atkinson(0.5));
        Assert.Contains("positive values", e.Message);
        Assert.Throws<InvalidOperationException>(() => new WeightedDistribution([-1, 1, 3], [1, 1, 1]).Gini());
        Assert.Throws<ArgumentOutOfRangeException>(() => OneToFour.Atkinson(-1));
    }

    [Fact]
    public void Share_below_a_threshold_counts_people()
    {
        // values 1, 2, 3, 4 with weights 4, 3, 2, 1: below 2.5 are 1 and 2, weight 4 + 3 = 7 of 10.
        Assert.Equal(0.7, new WeightedDistribution([1, 2, 3, 4], [4, 3, 2, 1]).ShareBelow(2.5), 12);
        Assert.Equal(0, OneToFour.ShareBelow(1), 12);     // strictly below
    }

    [Fact]
    public void Fifths_by_count_with_the_boundary_area_in_proportion()
    {
        // n = 6, a fifth is 1.2 areas: lowest = (1·1 + 0.2·2)/1.2 = 1.1666667; highest = (1·6 + 0.2·5)/1.2 = 5.8333333.
        var d = new WeightedDistribution([6, 5, 4, 3, 2, 1], [1, 1, 1, 1, 1, 1]);
        Assert.Equal((1.1666667, 5.8333333), (Math.Round(d.FifthMeans().Lowest, 7), Math.Round(d.FifthMeans().Highest, 7)));
        // n = 5 with weights: each fifth is one area, so its own value whatever its weight.
        Assert.Equal((1.0, 5.0), new WeightedDistribution([3, 1, 5, 2, 4], [9, 1, 1, 1, 9]).FifthMeans());
    }

    [Fact]
    public void Bad_input_names_the_field()
    {
        Assert.Contains("values[1]", Assert.Throws<ArgumentException>(() => new WeightedDistribution([1, double.NaN], [1, 1])).Message);
        Assert.Contains("weights[0]", Assert.Throws<ArgumentException>(() => new WeightedDistribution([1, 2], [-1, 1])).Message);
        Assert.Contains("add up to 0", Assert.Throws<ArgumentException>(() => new WeightedDistribution([1, 2], [0, 0])).Message);
        Assert.Throws<ArgumentException>(() => new WeightedDistribution([1, 2], [1]));
    }
}
