using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class HarmonicMeanAggregatorTests
{
    private readonly HarmonicMeanAggregator _method = new();

    [Fact]
    public void Weighted_harmonic_mean()
    {
        // equal weights: 2/(1/2 + 1/6) = 2/(2/3) = 3; weights 1, 2: 3/(1/2 + 2/6) = 3/(5/6) = 3.6; missing → the other value.
        Equal([3, 4, NaN], Aggregate(_method, [[2, NaN, NaN], [6, 4, NaN]], [1, 1]));
        Equal([3.6], Aggregate(_method, [[2], [6]], [1, 2]));
    }

    [Fact]
    public void Zero_or_negative_value_is_an_error()
    {
        Assert.Throws<IndexComputationException>(() => Aggregate(_method, [[0.0], [1.0]], [1, 1]));
        Assert.Throws<IndexComputationException>(() => Aggregate(_method, [[-1.0], [1.0]], [1, 1]));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["p"], Problems(_method, Spec("hmean", ("p", -1))));
    }
}
