using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class DistanceToMaxNormaliserTests
{
    private readonly DistanceToMaxNormaliser _method = new();

    [Fact]
    public void Is_one_minus_the_share_of_the_range_below_the_best()
    {
        // max 10, min 2: 1 − (10 − 4)/8 = 0.25; 1 − (10 − 9)/8 = 0.875.
        Equal([0, 0.25, 0.875, NaN, 1], Normalise(_method, [2, 4, 9, NaN, 10]));
    }

    [Fact]
    public void Constant_column_gives_one_half()
    {
        Equal([0.5, 0.5], Normalise(_method, [3, 3]));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["cap"], Problems(_method, Spec("dist2max", ("cap", 1))));
    }
}
