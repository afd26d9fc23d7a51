using WellbeingIndex.Engine.Methods.Aggregation;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods;

/// <summary>Issue 13's findings: parameters at the edge of the double range gave NaN or Infinity; each is finite now.</summary>
public class FiniteAnswersTests
{
    [Fact]
    public void Exprank_with_a_small_c_gives_the_top_rank_100_not_infinity()
    {
        // {"normalise":{"method":"exprank","c":2}}: 1 − e^(−50) rounds to 1, so the top rank (R = 1) took ln 0.
        // Exactly: X = −C·ln(1 − 1·(1 − e^(−100/C))) = −C·ln(e^(−100/C)) = 100. R = 1/3: −2·ln(1 − (1 − e^(−50))/3)
        // = −2·ln(2/3 + e^(−50)/3) = 0.8109302162163288 (e^(−50) ≈ 2e−22 is below 2/3's precision).
        var y = Normalise(new ExponentialRankNormaliser(), [3, 1, 2], Spec("exprank", ("c", 2)));

        // R = 2/3: −2·ln(1 − (2/3)(1 − e^(−50))) = −2·ln(1/3) = 2.1972245773362196.
        Equal([100, 0.8109302162163288, 2.1972245773362196], y, 1e-12);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-5)]
    [InlineData(1e300)]
    public void Exprank_stays_finite_for_any_positive_c(double c)
    {
        var y = Normalise(new ExponentialRankNormaliser(), [4, 1, 3, 2], Spec("exprank", ("c", c)));

        Assert.All(y, v => Assert.True(double.IsFinite(v), $"c = {c}: {v}"));
        // The top rank is 100 for every C (see above); for huge C the transform tends to 100·R, so R = 1/4 → 25.
        Assert.Equal(100, y[0], 9);
        if (c > 1)
        {
            Assert.Equal(25, y[1], 6);
        }
    }

    [Fact]
    public void Minmax_over_the_whole_double_range_is_finite()
    {
        // {"normalise":{"method":"minmax","l":-1e308,"u":1e308}}: u − l overflowed. t = (v − 1)/2 → 0, 0.5, 1;
        // y = (1 − t)·l + t·u → −1e308, 0, 1e308.
        var y = Normalise(new MinMaxNormaliser(), [1, 2, 3, NaN], Spec("minmax", ("l", -1e308), ("u", 1e308)));

        Equal([-1e308, 0, 1e308, NaN], y, 0);
    }

    [Fact]
    public void Minmax_of_data_spanning_the_double_range_is_finite()
    {
        // The data's own range overflows: max − min = 2e308. t = 0, 0.5, 1 → 0, 50, 100.
        var y = Normalise(new MinMaxNormaliser(), [-1e308, 0, 1e308]);

        Equal([0, 50, 100], y, 1e-9);
    }

    [Fact]
    public void Weights_whose_sum_overflows_still_give_the_weighted_mean()
    {
        // {"weights":{"a":1e308,"b":1.7e308}}: Σw = 2.7e308 overflowed. The mean is (1·10 + 1.7·20)/2.7 = 44/2.7
        // = 16.296296296296298; the second area has only b, so its mean is b = 30.
        var y = Aggregate(new ArithmeticMeanAggregator(), [[10, NaN], [20, 30]], [1e308, 1.7e308]);

        Equal([44 / 2.7, 30], y, 1e-12);
    }

    [Fact]
    public void Geometric_mean_with_huge_weights_is_finite()
    {
        // gmean = exp(Σ w·ln x / Σ w); equal weights 1e308 on 4 and 9 → √36 = 6.
        var y = Aggregate(new GeometricMeanAggregator(), [[4.0], [9.0]], [1e308, 1e308]);

        Equal([6], y, 1e-12);
    }

    [Fact]
    public void Arithmetic_mean_of_scores_near_the_double_range_is_finite()
    {
        // What minmax with l = −1e308, u = 1e308 hands the next level; weights 1 and 3, Σ w·x overflowed:
        // area 1: (1·(−1e308) + 3·1e308)/4 = 0.5e308; area 2: (1e308 + 3·1e308)/4 = 1e308;
        // area 3: (1e308 + 3·1.5e308)/4 = 5.5e308/4 = 1.375e308. Scaling by a power of two is exact.
        var y = Aggregate(new ArithmeticMeanAggregator(), [[-1e308, 1e308, 1e308], [1e308, 1e308, 1.5e308]], [1, 3]);

        Assert.Equal(0.5e308, y[0], 1e293);
        Assert.Equal(1e308, y[1]);
        Assert.Equal(1.375e308, y[2], 1e293);
    }

    [Fact]
    public void Generalised_mean_whose_powers_overflow_is_finite()
    {
        // p = 2: (1e200)² = 1e400 overflowed. The quadratic mean of 1e200 and 1e200 is √((1e400 + 1e400)/2) = 1e200;
        // of 3e200 and 4e200 it is √((9 + 16)/2)·1e200 = √12.5·1e200 = 3.5355339059327378e200.
        var y = Aggregate(new GeneralisedMeanAggregator(), [[1e200, 3e200], [1e200, 4e200]], [1, 1], Spec("genmean", ("p", 2)));

        Assert.Equal(1, y[0] / 1e200, 14);
        Assert.Equal(Math.Sqrt(12.5), y[1] / 1e200, 14);
    }

    [Fact]
    public void A_weighted_sum_beyond_the_double_range_is_refused_not_infinite()
    {
        // Weights are not re-normalised by sum: 1.7e308·10 + 1.7e308·20 has no finite value.
        var e = Assert.Throws<IndexComputationException>(() => Aggregate(new WeightedSumAggregator(), [[10.0], [20.0]], [1.7e308, 1.7e308]));

        Assert.Contains("overflows", e.Message);
        // Large but representable weights still add up: 1e300·10 + 1e300·20 = 3e301.
        Assert.Equal(3e301, Aggregate(new WeightedSumAggregator(), [[10.0], [20.0]], [1e300, 1e300])[0], 3e286);
    }

    [Fact]
    public void A_z_score_beyond_the_double_range_is_refused_not_infinite()
    {
        // Found by the compute fuzz: {"normalise":{"method":"zscore","s":1.7976931348623157e308}} wrote ±Infinity.
        // [1, 2, 3]: mean 2, sample sd 1, z = −1, 0, 1; s = 1e307 gives ±1e307 (finite), s = max double ± itself
        // plus m = 1e308 overflows for the top area.
        Equal([-1e307, 0, 1e307], Normalise(new ZScoreNormaliser(), [1, 2, 3], Spec("zscore", ("s", 1e307))), 0);

        var e = Assert.Throws<IndexComputationException>(() =>
            Normalise(new ZScoreNormaliser(), [1, 2, 3], Spec("zscore", ("m", 1e308), ("s", double.MaxValue))));
        Assert.Contains("beyond the range of numbers", e.Message);
    }

    [Fact]
    public void Goalposts_and_distance_to_target_that_would_overflow_are_refused()
    {
        // Untruncated goalposts 0–1 scaled by 1e308: 3 is 3·1e308, beyond the double range.
        Assert.Throws<IndexComputationException>(() => Normalise(new GoalpostsNormaliser(), [0.5, 3],
            Spec("goalposts", ("min", 0), ("max", 1), ("scale", 1e308), ("truncate", 0))));
        // dist2targ without cap: (v − min)/(target − min) with target − min = 5e-324 and v − min = 1 overflows.
        Assert.Throws<IndexComputationException>(() => Normalise(new DistanceToTargetNormaliser(), [0, 1],
            Spec("dist2targ", ("target", 5e-324), ("cap", 0))));
    }
}
