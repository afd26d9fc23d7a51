using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class GoalpostsNormaliserTests
{
    private readonly GoalpostsNormaliser _method = new();

    [Fact]
    public void Higher_is_better_with_truncation()
    {
        // UNDP life expectancy posts 20 and 85: (72.5 − 20)/65 = 0.8076923; 90 → 1.077 → truncated to 1; 10 → 0.
        Equal([0.8076923077, 1, 0, NaN], Normalise(_method, [72.5, 90, 10, NaN], Spec("goalposts", ("min", 20), ("max", 85))));
    }

    [Fact]
    public void Lower_is_better_mirrors_the_posts()
    {
        // posts 0 and 50 (raw), direction −1, values arrive negated: x = 0 → 1, x = 50 → 0, x = 10 → (50 − 10)/50 = 0.8.
        var spec = Spec("goalposts", ("min", 0), ("max", 50), ("scale", 100));
        Equal([100, 0, 80, 100], Normalise(_method, [-0.0, -50, -10, 5], spec, direction: -1));
    }

    [Fact]
    public void Without_truncation_values_leave_the_posts()
    {
        // (90 − 20)/65 = 1.0769231; (10 − 20)/65 = −0.1538462.
        Equal([1.0769230769, -0.1538461538], Normalise(_method, [90, 10], Spec("goalposts", ("min", 20), ("max", 85), ("truncate", 0))));
    }

    [Fact]
    public void Validation_reports_missing_and_reversed_posts()
    {
        Assert.Equal(["max"], Problems(_method, Spec("goalposts", ("min", 1))));
        Assert.Equal(["max"], Problems(_method, Spec("goalposts", ("min", 5), ("max", 1))));
        Assert.Equal(["truncate"], Problems(_method, Spec("goalposts", ("min", 0), ("max", 1), ("truncate", 2))));
        Assert.Equal(["scale"], Problems(_method, Spec("goalposts", ("min", 0), ("max", 1), ("scale", 0))));
    }
}
