using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Transforms;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Transforms;

public class LogTransformTests
{
    [Fact]
    public void Natural_log_keeps_missing()
    {
        // ln 1 = 0; ln e² = 2; ln 10 = 2.302585093.
        double[] column = [1, Math.E * Math.E, NaN, 10];
        new LogTransform().Transform(column, new MethodSpec("log"), Context(4));
        Equal([0, 2, NaN, 2.302585093], column, 1e-9);
    }

    [Fact]
    public void Non_positive_value_is_an_error_naming_area_and_indicator()
    {
        var e = Assert.Throws<IndexComputationException>(() => new LogTransform().Transform(new double[] { 1, 0 }, new MethodSpec("log"), Context(2)));
        Assert.Contains("A2", e.Message);
        Assert.Contains("IND", e.Message);
        Assert.Equal(["base"], Problems(new LogTransform(), Spec("log", ("base", 2))));
    }
}
