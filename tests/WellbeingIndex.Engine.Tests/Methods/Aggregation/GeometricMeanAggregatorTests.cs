using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class GeometricMeanAggregatorTests
{
    private readonly GeometricMeanAggregator _method = new();

    [Fact]
    public void Weighted_geometric_mean()
    {
        // equal weights: √(4·9) = 6; weights 1, 3: exp((ln 2 + 3 ln 32)/4) = 2^((1 + 15)/4) = 2⁴ = 16; area 3 only 5 → 5.
        Equal([6, NaN, 5], Aggregate(_method, [[4, NaN, NaN], [9, NaN, 5]], [1, 1]));
        Equal([16], Aggregate(_method, [[2], [32]], [1, 3]));
    }

    [Fact]
    public void Non_positive_value_is_an_error_naming_the_area()
    {
        var e = Assert.Throws<IndexComputationException>(() => Aggregate(_method, [[4, 0], [9, 1]], [1, 1]));
        Assert.Contains("A2", e.Message);
        Assert.Contains("IND", e.Message);
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["p"], Problems(_method, Spec("gmean", ("p", 0))));
    }
}
