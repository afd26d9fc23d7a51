using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class GeneralisedMeanAggregatorTests
{
    private readonly GeneralisedMeanAggregator _method = new();

    [Fact]
    public void Power_two_is_the_quadratic_mean()
    {
        // p = 2, equal weights: √((3² + 4²)/2) = √12.5 = 3.5355339; weights 1, 3: √((9 + 3·16)/4) = √14.25 = 3.7749172.
        Equal([3.5355339059, NaN, 4], Aggregate(_method, [[3, NaN, NaN], [4, NaN, 4]], [1, 1], Spec("genmean", ("p", 2))));
        Equal([3.7749172176], Aggregate(_method, [[3], [4]], [1, 3], Spec("genmean", ("p", 2))));
    }

    [Fact]
    public void Power_one_and_minus_one_match_the_arithmetic_and_harmonic_means()
    {
        Equal([4], Aggregate(_method, [[2], [6]], [1, 1], Spec("genmean", ("p", 1))));
        Equal([3], Aggregate(_method, [[2], [6]], [1, 1], Spec("genmean", ("p", -1))));
    }

    [Fact]
    public void Domain_errors()
    {
        Assert.Throws<IndexComputationException>(() => Aggregate(_method, [[0.0], [1.0]], [1, 1], Spec("genmean", ("p", -2))));
        Assert.Throws<IndexComputationException>(() => Aggregate(_method, [[-1.0], [1.0]], [1, 1], Spec("genmean", ("p", 0.5))));
    }

    [Fact]
    public void Validation_requires_non_zero_p()
    {
        Assert.Equal(["p"], Problems(_method, Spec("genmean")));
        Assert.Equal(["p"], Problems(_method, Spec("genmean", ("p", 0))));
        Assert.Empty(Problems(_method, Spec("genmean", ("p", -0.5))));
    }
}
