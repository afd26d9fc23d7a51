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

    [Fact]
    public void Every_aggregator_writes_every_cell_and_gives_missing_where_no_child_is_present()
    {
        // Area 2 has no child present; the output starts filled with 12345, a value no aggregator can give here
        // (children 1–4): every cell must be overwritten, area 2 with NaN (the pipeline relies on both).
        double[][] children = [[1, double.NaN, 2], [3, double.NaN, 4]];
        foreach (var name in Registry.Names<IAggregator>())
        {
            var aggregator = Registry.Get<IAggregator>(name);
            var output = new double[] { 12345, 12345, 12345 };

            aggregator.Aggregate(new AggregationInput(children, [1.0, 1.0], name == "genmean" ? MethodSpec.Of(name, ("p", 2)) : new MethodSpec(name), ColumnContext.For("x", ["A", "B", "C"])), output);

            Assert.True(double.IsNaN(output[1]), $"{name}: area B has no child present but scored {output[1]}");
            Assert.True(double.IsFinite(output[0]) && output[0] != 12345 && double.IsFinite(output[2]) && output[2] != 12345,
                $"{name}: areas A and C scored {output[0]} and {output[2]}");
        }
    }
}
