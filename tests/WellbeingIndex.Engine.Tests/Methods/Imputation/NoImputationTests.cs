using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Imputation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Imputation;

public class NoImputationTests
{
    [Fact]
    public void Leaves_missing_values_missing()
    {
        double[] column = [1, NaN, 3];
        Assert.Equal(0, new NoImputation().Impute(column, new MethodSpec("none"), Context(3)));
        Equal([1, NaN, 3], column);
        Assert.Equal(["x"], Problems(new NoImputation(), Spec("none", ("x", 1))));
    }
}
