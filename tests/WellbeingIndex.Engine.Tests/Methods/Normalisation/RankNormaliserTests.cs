using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class RankNormaliserTests
{
    private readonly RankNormaliser _method = new();

    [Fact]
    public void Best_gets_n_and_ties_take_the_minimum()
    {
        // present 10, 30, 20, 20, 5 (n = 5): ascending 5(1) 10(2) 20,20(3) 30(5).
        Equal([2, 5, 3, NaN, 3, 1], Normalise(_method, [10, 30, 20, NaN, 20, 5]));
    }

    [Fact]
    public void Lower_is_better_arrives_negated()
    {
        // raw 1, 2, 3 with direction −1 → v = −1, −2, −3 → ranks 3, 2, 1.
        Equal([3, 2, 1], Normalise(_method, [-1, -2, -3], direction: -1));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["ties"], Problems(_method, Spec("rank", ("ties", 1))));
        Assert.Empty(Problems(_method, Spec("rank")));
    }
}
