using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class DistanceToReferenceNormaliserTests
{
    private readonly DistanceToReferenceNormaliser _method = new();

    private static MethodSpec Reference(string area, double? cap = null) =>
        new("dist2ref", cap is null ? null : new Dictionary<string, double> { ["cap"] = cap.Value }, new Dictionary<string, string> { ["area"] = area });

    [Fact]
    public void Scores_relative_to_the_reference_area()
    {
        // reference A2 = 6, min 2: 1 − (6 − 4)/4 = 0.5; 1 − (6 − 10)/4 = 2 (uncapped, COINr's default).
        Equal([0.5, 1, 0, 2, NaN], Normalise(_method, [4, 6, 2, 10, NaN], Reference("A2")));
        Equal([0.5, 1, 0, 1, NaN], Normalise(_method, [4, 6, 2, 10, NaN], Reference("A2", 1)));
    }

    [Fact]
    public void Unknown_missing_or_worst_reference_is_an_error()
    {
        Assert.Contains("'Z9'", Assert.Throws<IndexComputationException>(() => Normalise(_method, [1, 2], Reference("Z9"))).Message);
        Assert.Contains("no value", Assert.Throws<IndexComputationException>(() => Normalise(_method, [1, NaN], Reference("A2"))).Message);
        Assert.Contains("worst", Assert.Throws<IndexComputationException>(() => Normalise(_method, [1, 2], Reference("A1"))).Message);
    }

    [Fact]
    public void Validation_requires_a_text_area()
    {
        Assert.Equal(["area"], Problems(_method, new MethodSpec("dist2ref")));
        Assert.Equal(["area"], Problems(_method, Spec("dist2ref", ("area", 5))));
    }
}
