using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class MazziottaParetoAggregatorTests
{
    private readonly MazziottaParetoAggregator _method = new();

    private static MethodSpec Penalty(string p) => new("mpi", texts: new Dictionary<string, string> { ["penalty"] = p });

    [Fact]
    public void Mean_minus_imbalance_penalty()
    {
        // area 1 (110, 90): M = 100, S = 10 (population), cv = 0.1, MPI = 100 − 10·0.1 = 99.
        // area 2 (100, 110, 120 via a third child): M = 110, S² = (100 + 0 + 100)/3 = 66.667, MPI = 110 − 66.667/110 = 109.393939.
        // area 3 balanced (105, 105, NaN) → 105; area 4 no children → NaN.
        double[][] children = [[110, 100, 105, NaN], [90, 110, 105, NaN], [NaN, 120, NaN, NaN]];
        Equal([99, 109.3939393939, 105, NaN], Aggregate(_method, children, [1, 1, 1]));
        Equal([101, 110.6060606061, 105, NaN], Aggregate(_method, children, [1, 1, 1], Penalty("neg")));
    }

    [Fact]
    public void Weights_give_weighted_moments()
    {
        // (100, 110, 120), weights 1, 1, 2: M = 450/4 = 112.5; S² = (156.25 + 6.25 + 2·56.25)/4 = 68.75;
        // MPI = 112.5 − 68.75/112.5 = 111.888889.
        Equal([111.8888888889], Aggregate(_method, [[100.0], [110.0], [120.0]], [1, 1, 2]));
    }

    [Fact]
    public void Validation_checks_penalty()
    {
        Assert.Equal(["penalty"], Problems(_method, Penalty("up")));
        Assert.Equal(["penalty"], Problems(_method, Spec("mpi", ("penalty", 1))));
        Assert.Empty(Problems(_method, Penalty("neg")));
    }
}
