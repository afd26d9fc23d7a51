using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Imputation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Imputation;

public class MeanImputerTests
{
    [Fact]
    public void Fills_with_the_mean_of_present_values()
    {
        // (1 + 2 + 9)/3 = 4.
        double[] column = [1, NaN, 2, 9, NaN];
        Assert.Equal(2, new MeanImputer().Impute(column, new MethodSpec("mean"), Context(5)));
        Equal([1, 4, 2, 9, 4], column);
    }

    [Fact]
    public void All_missing_stays_missing()
    {
        double[] column = [NaN, NaN];
        Assert.Equal(0, new MeanImputer().Impute(column, new MethodSpec("mean"), Context(2)));
        Equal([NaN, NaN], column);
        Assert.Equal(["group"], Problems(new MeanImputer(), new MethodSpec("mean", texts: new Dictionary<string, string> { ["group"] = "region" })));
    }
}
