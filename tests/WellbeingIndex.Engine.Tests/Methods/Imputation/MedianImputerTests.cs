using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Imputation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Imputation;

public class MedianImputerTests
{
    [Fact]
    public void Fills_with_the_median_of_present_values()
    {
        // present 9, 1, 2 → sorted 1, 2, 9 → median 2; with 4 values (1, 2, 9, 10) → (2 + 9)/2 = 5.5.
        double[] odd = [9, NaN, 1, 2];
        Assert.Equal(1, new MedianImputer().Impute(odd, new MethodSpec("median"), Context(4)));
        Equal([9, 2, 1, 2], odd);
        double[] even = [10, NaN, 1, 2, 9];
        new MedianImputer().Impute(even, new MethodSpec("median"), Context(5));
        Equal([10, 5.5, 1, 2, 9], even);
        Assert.Equal(["k"], Problems(new MedianImputer(), Spec("median", ("k", 1))));
    }
}
