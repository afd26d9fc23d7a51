using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class ArithmeticMeanAggregatorTests
{
    private readonly ArithmeticMeanAggregator _method = new();

    [Fact]
    public void Weighted_mean_re_normalised_over_present_children()
    {
        // area 1: (1·10 + 3·20)/4 = 17.5; area 2: child 1 missing → 30; area 3: both missing → NaN.
        Equal([17.5, 30, NaN], Aggregate(_method, [[10, NaN, NaN], [20, 30, NaN]], [1, 3]));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["p"], Problems(_method, Spec("amean", ("p", 1))));
        Assert.Empty(Problems(_method, Spec("amean")));
    }
}
