using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Imputation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Imputation;

public class GroupMedianImputerTests
{
    [Fact]
    public void Fills_with_the_median_of_the_group()
    {
        // north (A1, A3, A5): present 2, 10 → (2 + 10)/2 = 6; south (A2, A4): present 5 → 5; A6 (east) and A7 (no group) stay NaN.
        double[] column = [2, NaN, 10, 5, NaN, NaN, NaN];
        var spec = GroupMeanImputerTests.Group("groupmedian", "region");
        Assert.Equal(2, new GroupMedianImputer().Impute(column, spec, Context(7, groups: GroupMeanImputerTests.Regions)));
        Equal([2, 5, 10, 5, 6, NaN, NaN], column);
    }

    [Fact]
    public void Median_resists_an_outlier_in_the_group()
    {
        // group g: 1, 2, 300 → median 2 (the mean would be 101).
        var groups = new Dictionary<string, string[]> { ["g"] = ["g", "g", "g", "g"] };
        double[] column = [300, 1, NaN, 2];
        new GroupMedianImputer().Impute(column, GroupMeanImputerTests.Group("groupmedian", "g"), Context(4, groups: groups));
        Equal([300, 1, 2, 2], column);
    }

    [Fact]
    public void Unknown_grouping_column_is_an_error()
    {
        Assert.Throws<IndexComputationException>(() =>
            new GroupMedianImputer().Impute(new double[2], GroupMeanImputerTests.Group("groupmedian", "x"), Context(2)));
        Assert.Equal(["group"], Problems(new GroupMedianImputer(), new MethodSpec("groupmedian")));
    }
}
