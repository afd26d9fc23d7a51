using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Transforms;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Transforms;

public class SqrtTransformTests
{
    [Fact]
    public void Square_root_allows_zero()
    {
        double[] column = [0, 2.25, NaN, 16];
        new SqrtTransform().Transform(column, new MethodSpec("sqrt"), Context(4));
        Equal([0, 1.5, NaN, 4], column);
    }

    [Fact]
    public void Negative_value_is_an_error()
    {
        var e = Assert.Throws<IndexComputationException>(() => new SqrtTransform().Transform(new double[] { 4, -1 }, new MethodSpec("sqrt"), Context(2)));
        Assert.Contains("A2", e.Message);
        Assert.Equal(["x"], Problems(new SqrtTransform(), Spec("sqrt", ("x", 2))));
    }
}
