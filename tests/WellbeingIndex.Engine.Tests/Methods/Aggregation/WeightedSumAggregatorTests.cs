using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class WeightedSumAggregatorTests
{
    private readonly WeightedSumAggregator _method = new();

    [Fact]
    public void Weights_are_not_re_normalised_and_missing_children_add_nothing()
    {
        // area 1: 0.25·10 + 0.5·20 = 12.5; area 2: 0.5·30 = 15; area 3: NaN.
        Equal([12.5, 15, NaN], Aggregate(_method, [[10, NaN, NaN], [20, 30, NaN]], [0.25, 0.5]));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["scale"], Problems(_method, Spec("sum", ("scale", 1))));
    }
}
