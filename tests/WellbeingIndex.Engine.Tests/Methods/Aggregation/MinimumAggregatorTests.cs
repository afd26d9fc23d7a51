using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class MinimumAggregatorTests
{
    private readonly MinimumAggregator _method = new();

    [Fact]
    public void Minimum_of_present_children_ignoring_weights()
    {
        Equal([-2, 7, NaN], Aggregate(_method, [[5, NaN, NaN], [-2, 7, NaN], [3, 9, NaN]], [10, 1, 1]));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["k"], Problems(_method, Spec("min", ("k", 1))));
    }
}
