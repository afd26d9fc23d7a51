using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Transforms;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Transforms;

public class Log10TransformTests
{
    [Fact]
    public void Common_log()
    {
        double[] column = [1, 1000, NaN, 0.01];
        new Log10Transform().Transform(column, new MethodSpec("log10"), Context(4));
        Equal([0, 3, NaN, -2], column, 1e-12);
    }

    [Fact]
    public void Negative_value_is_an_error()
    {
        var e = Assert.Throws<IndexComputationException>(() => new Log10Transform().Transform(new double[] { -5 }, new MethodSpec("log10"), Context(1)));
        Assert.Contains("A1", e.Message);
        Assert.Equal(["x"], Problems(new Log10Transform(), Spec("log10", ("x", 2))));
    }
}
