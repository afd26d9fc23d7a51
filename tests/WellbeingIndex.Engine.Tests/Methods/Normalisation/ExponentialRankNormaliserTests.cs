using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class ExponentialRankNormaliserTests
{
    private readonly ExponentialRankNormaliser _method = new();

    [Fact]
    public void Known_points_of_the_IoD_transform()
    {
        Assert.Equal(0, ExponentialRankNormaliser.Transform(0, 23), 12);
        Assert.Equal(100, ExponentialRankNormaliser.Transform(1, 23), 10);
        // R = 0.5, C = 23: e^(−100/23) = e^(−4.347826) = 0.0129349; 1 − 0.5·(1 − 0.0129349) = 0.5064675;
        // −23·ln(0.5064675) = −23·(−0.6802952) = 15.646790.
        Assert.Equal(15.646790, ExponentialRankNormaliser.Transform(0.5, 23), 1e-6);
    }

    [Fact]
    public void Uses_rank_over_n()
    {
        // v = 5, 1, NaN, 3: ranks 3, 1, 2 of n = 3 → R = 1, 1/3, 2/3.
        // R = 1/3: 1 − (1/3)(0.9870651) = 0.6709783; −23·ln(0.6709783) = −23·(−0.3990185) = 9.177425.
        // R = 2/3: 1 − (2/3)(0.9870651) = 0.3419566; −23·ln(0.3419566) = −23·(−1.0730714) = 24.680643.
        Equal([100, 9.177425, NaN, 24.680643], Normalise(_method, [5, 1, NaN, 3]), 1e-6);
    }

    [Fact]
    public void C_changes_the_stretch()
    {
        // C = 50, R = 0.5: e^(−2) = 0.1353353; 1 − 0.5·0.8646647 = 0.5676676; −50·ln(0.5676676) = −50·(−0.5662192) = 28.310958.
        Assert.Equal(28.310958, ExponentialRankNormaliser.Transform(0.5, 50), 1e-6);
        Equal([28.310958, 100], Normalise(_method, [1, 2], Spec("exprank", ("c", 50))), 1e-6);
    }

    [Fact]
    public void Stretch_low_gives_the_lowest_value_100_as_the_IoD_does_with_rank_1()
    {
        // Published ranks 1 (most deprived), 2, 2 (tied), 4 of n = 4: min-ranks of v are 1, 2, 2, 4, so
        // R = (n + 1 − rank)/n = 4/4, 3/4, 3/4, 1/4.
        // R = 3/4: 1 − 0.75·0.9870651 = 0.2597012; −23·ln(0.2597012) = −23·(−1.3482236) = 31.009144.
        // R = 1/4: 1 − 0.25·0.9870651 = 0.7532337; −23·ln(0.7532337) = −23·(−0.2833797) = 6.517733.
        var low = MethodSpec.Of("exprank").WithText("stretch", "low");
        Equal([100, 31.009144, 31.009144, 6.517733], Normalise(_method, [1, 2, 2, 4], low), 1e-6);
        Assert.Equal(["stretch"], Problems(_method, MethodSpec.Of("exprank").WithText("stretch", "middle")));
    }

    [Fact]
    public void Validation_requires_positive_c()
    {
        Assert.Equal(["c"], Problems(_method, Spec("exprank", ("c", 0))));
        Assert.Equal(["C"], Problems(_method, Spec("exprank", ("C", 23))));
    }
}
