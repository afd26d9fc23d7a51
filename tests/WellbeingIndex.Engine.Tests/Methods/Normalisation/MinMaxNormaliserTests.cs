using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class MinMaxNormaliserTests
{
    private readonly INormaliser _method = new MinMaxNormaliser();

    [Fact]
    public void Scales_onto_0_100_by_default()
    {
        // min 2, max 10, range 8: (2,4,6,10) → 0, 25, 50, 100.
        Equal([0, 25, 50, NaN, 100], Normalise(_method, [2, 4, 6, NaN, 10]));
    }

    [Fact]
    public void Uses_l_and_u()
    {
        // l = 1, u = 11: 4 → 1 + (4−2)/8·10 = 3.5.
        Equal([1, 3.5, 11], Normalise(_method, [2, 4, 10], Spec("minmax", ("l", 1), ("u", 11))));
    }

    [Fact]
    public void Constant_column_gives_the_midpoint_and_keeps_missing()
    {
        Equal([50, NaN, 50], Normalise(_method, [7, NaN, 7]));
    }

    [Fact]
    public void Works_in_place()
    {
        double[] column = [2, 4, 10];
        _method.Normalise(column, column, new MethodSpec("minmax"), Context(3));
        Equal([0, 25, 100], column);
    }

    [Fact]
    public void Validation_reports_bad_parameters()
    {
        Assert.Equal(["u"], Problems(_method, Spec("minmax", ("l", 5), ("u", 5))));
        Assert.Equal(["x"], Problems(_method, Spec("minmax", ("x", 1))));
        Assert.Equal(["l"], Problems(_method, new MethodSpec("minmax", texts: new Dictionary<string, string> { ["l"] = "zero" })));
        Assert.Empty(Problems(_method, Spec("minmax", ("l", -1), ("u", 1))));
        Assert.Throws<IndexComputationException>(() => Normalise(_method, [1, 2], Spec("minmax", ("l", 5), ("u", 0))));
    }
}
