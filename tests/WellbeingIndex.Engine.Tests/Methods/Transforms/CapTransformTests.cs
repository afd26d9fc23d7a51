using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Transforms;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Transforms;

public class CapTransformTests
{
    private readonly CapTransform _method = new();

    [Fact]
    public void Clips_to_either_or_both_bounds()
    {
        double[] both = [-5, 50, 120, NaN];
        _method.Transform(both, Spec("cap", ("lower", 0), ("upper", 100)), Context(4));
        Equal([0, 50, 100, NaN], both);
        double[] upperOnly = [-5, 120];
        _method.Transform(upperOnly, Spec("cap", ("upper", 100)), Context(2));
        Equal([-5, 100], upperOnly);
    }

    [Fact]
    public void Validation_needs_a_bound_in_order()
    {
        Assert.Equal(["(method)"], Problems(_method, Spec("cap")));
        Assert.Equal(["upper"], Problems(_method, Spec("cap", ("lower", 2), ("upper", 1))));
        Assert.Equal(["min"], Problems(_method, Spec("cap", ("min", 2), ("upper", 5))));
        Assert.Throws<IndexComputationException>(() => _method.Transform(new double[] { 1 }, Spec("cap"), Context(1)));
    }
}
