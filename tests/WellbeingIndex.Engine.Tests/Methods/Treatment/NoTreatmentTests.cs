using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Treatment;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Treatment;

public class NoTreatmentTests
{
    [Fact]
    public void Leaves_values_and_reports_untouched()
    {
        double[] column = [1, 1000, NaN];
        var outcome = new NoTreatment().Treat(column, new MethodSpec("none"), Context(3));
        Equal([1, 1000, NaN], column);
        Assert.Equal(("IND", "none", 0, 0, false), (outcome.Indicator, outcome.Method, outcome.ClippedLow, outcome.ClippedHigh, outcome.LogTransformed));
        Assert.Equal(["winmax"], Problems(new NoTreatment(), Spec("none", ("winmax", 5))));
    }
}
