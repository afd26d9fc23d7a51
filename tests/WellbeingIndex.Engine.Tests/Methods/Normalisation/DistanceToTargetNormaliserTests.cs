using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class DistanceToTargetNormaliserTests
{
    private readonly DistanceToTargetNormaliser _method = new();

    [Fact]
    public void Higher_is_better_capped_at_the_target()
    {
        // min 2, target 6: (4 − 2)/4 = 0.5; 8 → 1.5 → capped 1.
        Equal([0, 0.5, 1, NaN], Normalise(_method, [2, 4, 8, NaN], Spec("dist2targ", ("target", 6))));
        Equal([0, 0.5, 1.5], Normalise(_method, [2, 4, 8], Spec("dist2targ", ("target", 6), ("cap", 0))));
    }

    [Fact]
    public void Lower_is_better_uses_the_mirrored_target()
    {
        // raw 10, 6, 1 with target 2 (lower is better): (max − x)/(max − target) = (10 − 6)/8 = 0.5; 1 → 9/8 → capped 1.
        Equal([0, 0.5, 1], Normalise(_method, [-10, -6, -1], Spec("dist2targ", ("target", 2)), direction: -1));
    }

    [Fact]
    public void Target_no_better_than_the_worst_area_is_an_error()
    {
        var e = Assert.Throws<IndexComputationException>(() => Normalise(_method, [2, 4], Spec("dist2targ", ("target", 2))));
        Assert.Contains("IND", e.Message);
    }

    [Fact]
    public void Validation_requires_target()
    {
        Assert.Equal(["target"], Problems(_method, Spec("dist2targ")));
        Assert.Equal(["cap"], Problems(_method, Spec("dist2targ", ("target", 1), ("cap", 0.5))));
    }
}
