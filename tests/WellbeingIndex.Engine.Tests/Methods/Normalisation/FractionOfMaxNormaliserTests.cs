using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class FractionOfMaxNormaliserTests
{
    private readonly FractionOfMaxNormaliser _method = new();

    [Fact]
    public void Divides_by_the_maximum()
    {
        // max 8: 2/8 = 0.25, 6/8 = 0.75.
        Equal([0.25, NaN, 0.75, 1], Normalise(_method, [2, NaN, 6, 8]));
    }

    [Fact]
    public void Non_positive_maximum_is_an_error_naming_the_area()
    {
        var e = Assert.Throws<IndexComputationException>(() => Normalise(_method, [-3, -1, -2]));
        Assert.Contains("A2", e.Message);
        Assert.Contains("IND", e.Message);
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["scale"], Problems(_method, Spec("fracmax", ("scale", 1))));
    }
}
