using WellbeingIndex.Engine.Methods.Aggregation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Aggregation;

public class CopelandAggregatorTests
{
    private readonly CopelandAggregator _method = new();

    [Fact]
    public void Counts_pairwise_wins_minus_losses()
    {
        // Children (weights 2, 1): A (3,1), B (2,2), C (1,3), D (3,3).
        // A–B: A higher on child 1 (2), lower on child 2 (1): 2 − 1 > 0 → A. A–C, B–C likewise → A, B.
        // D–A: tie on child 1, D higher on child 2 → D; D beats B and C on both.
        // A: +B +C −D = 1; B: −A +C −D = −1; C: −3; D: +3.
        Equal([1, -1, -3, 3], Aggregate(_method, [[3, 2, 1, 3], [1, 2, 3, 3]], [2, 1]));
    }

    [Fact]
    public void Equal_weight_balance_is_a_draw()
    {
        // weights 1, 1: A (3,1) vs B (1,3) → 1 − 1 = 0: draw, both 0.
        Equal([0, 0], Aggregate(_method, [[3, 1], [1, 3]], [1, 1]));
    }

    [Fact]
    public void Pairs_compare_on_the_children_both_areas_have()
    {
        // As the first test plus E (NaN, NaN) → NaN and left out, and F (NaN, 2) compared on child 2 only:
        // F–A: 2 > 1 → F; F–B: 2 = 2 → draw; F–C: 2 < 3 → C; F–D: 2 < 3 → D.
        // A: 1 − 1 = 0; B: −1; C: −3 + 1 = −2; D: 3 + 1 = 4; F: +1 − 1 − 1 = −1 (scores sum to 0).
        double[][] children = [[3, 2, 1, 3, NaN, NaN], [1, 2, 3, 3, NaN, 2]];
        Equal([0, -1, -2, 4, NaN, -1], Aggregate(_method, children, [2, 1]));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["w"], Problems(_method, Spec("copeland", ("w", 1))));
    }
}
