using WellbeingIndex.Engine.Methods.Treatment;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Treatment;

public class CapTreatmentTests
{
    private readonly CapTreatment _method = new();

    [Fact]
    public void Clips_and_counts_each_end()
    {
        double[] column = [-5, -1, 50, 120, 130, NaN];
        var outcome = _method.Treat(column, Spec("cap", ("lower", 0), ("upper", 100)), Context(6));
        Equal([0, 0, 50, 100, 100, NaN], column);
        Assert.Equal((2, 2, false), (outcome.ClippedLow, outcome.ClippedHigh, outcome.LogTransformed));
    }

    [Fact]
    public void Validation_needs_a_bound_in_order()
    {
        Assert.Equal(["(method)"], Problems(_method, Spec("cap")));
        Assert.Equal(["upper"], Problems(_method, Spec("cap", ("lower", 2), ("upper", 1))));
        Assert.Empty(Problems(_method, Spec("cap", ("lower", 2))));
    }
}
