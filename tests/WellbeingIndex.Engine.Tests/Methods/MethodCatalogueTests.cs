using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Tests.Methods;

public class MethodCatalogueTests
{
    private static readonly MethodRegistry Registry = MethodRegistry.Default;

    [Fact]
    public void Every_step_lists_its_methods()
    {
        Assert.Equal(["dist2max", "dist2ref", "dist2targ", "exprank", "fracmax", "goalposts", "minmax", "prank", "rank", "zscore"], Registry.Names<INormaliser>());
        Assert.Equal(["amean", "copeland", "genmean", "gmean", "hmean", "min", "mpi", "sum"], Registry.Names<IAggregator>());
        Assert.Equal(["groupmean", "groupmedian", "mean", "median", "none"], Registry.Names<IImputer>());
        Assert.Equal(["cap", "none", "winsorise"], Registry.Names<ITreatment>());
        Assert.Equal(["cap", "log", "log10", "sqrt"], Registry.Names<ITransform>());
    }

    [Fact]
    public void Names_are_lower_case_and_descriptions_carry_a_formula()
    {
        foreach (var method in Registry.All.Values)
        {
            Assert.Equal(method.Name.ToLowerInvariant(), method.Name);
            Assert.Contains(":", method.Description);
        }
    }
}
