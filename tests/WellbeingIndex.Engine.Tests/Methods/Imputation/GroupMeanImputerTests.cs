using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Imputation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Imputation;

public class GroupMeanImputerTests
{
    internal static readonly Dictionary<string, string[]> Regions = new()
    {
        // areas:            A1     A2     A3     A4     A5     A6     A7
        ["region"] = ["north", "south", "north", "south", "north", "east", ""],
    };

    internal static MethodSpec Group(string method, string group) => new(method, texts: new Dictionary<string, string> { ["group"] = group });

    [Fact]
    public void Fills_with_the_mean_of_the_group()
    {
        // north (A1, A3, A5) present 2, 10 → 6; south (A2, A4) present 5 → 5; east has no value; A7 has no group.
        double[] column = [2, NaN, 10, 5, NaN, NaN, NaN];
        var filled = new GroupMeanImputer().Impute(column, Group("groupmean", "region"), Context(7, groups: Regions));
        Assert.Equal(2, filled);
        Equal([2, 5, 10, 5, 6, NaN, NaN], column);
    }

    [Fact]
    public void Unknown_grouping_column_is_an_error()
    {
        var e = Assert.Throws<IndexComputationException>(() =>
            new GroupMeanImputer().Impute(new double[7], Group("groupmean", "county"), Context(7, groups: Regions)));
        Assert.Contains("county", e.Message);
        Assert.Contains("IND", e.Message);
    }

    [Fact]
    public void Validation_requires_group_as_text()
    {
        Assert.Equal(["group"], Problems(new GroupMeanImputer(), new MethodSpec("groupmean")));
        Assert.Equal(["group"], Problems(new GroupMeanImputer(), Spec("groupmean", ("group", 1))));
    }
}
