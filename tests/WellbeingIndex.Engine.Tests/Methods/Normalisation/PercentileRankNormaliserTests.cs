using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class PercentileRankNormaliserTests
{
    private readonly PercentileRankNormaliser _method = new();

    [Fact]
    public void Is_rank_minus_one_over_n_minus_one()
    {
        // ranks (min ties) of 10, 30, 20, 20, 5 = 2, 5, 3, 3, 1; n = 5 → (r − 1)/4 = 0.25, 1, 0.5, 0.5, 0.
        Equal([0.25, 1, 0.5, NaN, 0.5, 0], Normalise(_method, [10, 30, 20, NaN, 20, 5]));
    }

    [Fact]
    public void Single_or_constant_values_score_zero()
    {
        Equal([NaN, 0], Normalise(_method, [NaN, 4]));
        Equal([0, 0, 0], Normalise(_method, [4, 4, 4]));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["ties"], Problems(_method, Spec("prank", ("ties", 1))));
    }
}
