using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class RankNormaliserTests
{
    private readonly RankNormaliser _method = new();

    [Fact]
    public void Best_gets_n_and_ties_take_the_minimum()
    {
        // present 10, 30, 20, 20, 5 (n = 5): ascending 5(1) 10(2) 20,20(3) 30(5).
        Equal([2, 5, 3, NaN, 3, 1], Normalise(_method, [10, 30, 20, NaN, 20, 5]));
    }

    [Fact]
    public void A_long_column_of_every_sign_and_many_ties_gets_one_plus_the_count_below()
    {
        // 5,000 values spanning negative and positive numbers, ±0, infinities and repeated values (every digit of the
        // sort varies): each present value's rank is R's min-ties rank, 1 + the number of present values strictly below.
        var random = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(i => (i % 97) switch
        {
            0 => NaN,
            1 => double.NegativeInfinity,
            2 => double.PositiveInfinity,
            3 => -0.0,
            4 => 0.0,
            < 40 => Math.Round(random.NextDouble() * 20 - 10),
            _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
        }).ToArray();
        var present = values.Where(v => !double.IsNaN(v)).ToArray();

        var ranks = Normalise(_method, values);

        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            Assert.Equal(double.IsNaN(v) ? NaN : 1 + present.Count(x => x < v), ranks[i]);
        }
    }

    [Fact]
    public void Lower_is_better_arrives_negated()
    {
        // raw 1, 2, 3 with direction −1 → v = −1, −2, −3 → ranks 3, 2, 1.
        Equal([3, 2, 1], Normalise(_method, [-1, -2, -3], direction: -1));
    }

    [Fact]
    public void Takes_no_parameters()
    {
        Assert.Equal(["ties"], Problems(_method, Spec("rank", ("ties", 1))));
        Assert.Empty(Problems(_method, Spec("rank")));
    }
}
