using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class ZScoreNormaliserTests
{
    private readonly ZScoreNormaliser _method = new();

    [Fact]
    public void Uses_sample_sd()
    {
        // (2, 4, 6): mean 4, Σd² = 8, sample sd = √(8/2) = 2 → z = −1, 0, 1.
        Equal([-1, 0, NaN, 1], Normalise(_method, [2, 4, NaN, 6]));
    }

    [Fact]
    public void M_and_s_give_100_plus_10_z()
    {
        Equal([90, 100, 110], Normalise(_method, [2, 4, 6], Spec("zscore", ("m", 100), ("s", 10))));
    }

    [Fact]
    public void Fixed_mean_and_sd_replace_the_sample()
    {
        // (v − 0)/4: 2 → 0.5, 4 → 1, 6 → 1.5.
        Equal([0.5, 1, 1.5], Normalise(_method, [2, 4, 6], Spec("zscore", ("mean", 0), ("sd", 4))));
    }

    [Fact]
    public void A_fixed_mean_is_in_raw_units_and_mirrored_for_lower_is_better()
    {
        // rent 100, 200, 300 (lower is better) arrives as v = −100, −200, −300; fixed mean 200 (raw) → −200, sd 100:
        // z = (−100 + 200)/100 = 1, 0, −1: the cheapest area scores highest.
        Equal([1, 0, -1], Normalise(_method, [-100, -200, -300], Spec("zscore", ("mean", 200), ("sd", 100)), direction: -1));
    }

    [Fact]
    public void No_spread_gives_m()
    {
        Equal([100, 100], Normalise(_method, [3, 3], Spec("zscore", ("m", 100), ("s", 10))));
        Equal([0], Normalise(_method, [3]));
    }

    [Fact]
    public void Validation_reports_bad_parameters()
    {
        Assert.Equal(["s"], Problems(_method, Spec("zscore", ("s", 0))));
        Assert.Equal(["sd"], Problems(_method, Spec("zscore", ("sd", -1))));
        Assert.Equal(["mu"], Problems(_method, Spec("zscore", ("mu", 1))));
        Assert.Empty(Problems(_method, Spec("zscore", ("m", 100), ("s", 10), ("mean", 3), ("sd", 2))));
    }
}
