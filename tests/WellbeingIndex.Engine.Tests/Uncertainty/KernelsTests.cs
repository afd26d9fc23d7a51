using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Engine.Tests.Uncertainty;

public class KernelsTests
{
    private static Kernels.BatchNode Node(double[][] children, double[][] weights) =>
        new(weights.Select(_ => children).ToArray(), weights, weights.Select(_ => new double[children[0].Length]).ToArray(), new bool[weights.Length]);

    [Fact]
    public void Means_and_minima_by_hand_with_coverage()
    {
        var children = new[] { new[] { 1.0, double.NaN, 3, double.NaN }, new[] { 2.0, 4, double.NaN, double.NaN } };
        var node = Node(children, [[1, 3], [2, 2]]);

        Kernels.Means(node, 0);
        // Run 1, weights 1 and 3: area 0 (1·1 + 3·2)/4 = 1.75; area 1 only child 2: 4; area 2 only child 1: 3; area 3 none: missing.
        Assert.Equal([1.75, 4, 3, double.NaN], node.Outputs[0]);
        // Run 2, weights 2 and 2: area 0 (2 + 4)/4 = 1.5.
        Assert.Equal([1.5, 4, 3, double.NaN], node.Outputs[1]);
        Assert.Equal([true, true], node.Exact);

        // Minimum coverage 0.6: areas 1 and 2 have 1 of 2 children (0.5) and are dropped.
        Kernels.Means(node, 0.6);
        Assert.Equal([1.75, double.NaN, double.NaN, double.NaN], node.Outputs[0]);

        Kernels.Minima(node, 0);
        Assert.Equal([1, 4, 3, double.NaN], node.Outputs[0]);
    }

    [Fact]
    public void Means_and_minima_are_the_aggregators_bit_for_bit()
    {
        // 1,003 areas: whole vectors, blocks and a scalar tail; 10 % missing; weights as a run would perturb them.
        var random = new Random(7);
        var children = Enumerable.Range(0, 7).Select(_ => Enumerable.Range(0, 1003)
            .Select(_ => random.NextDouble() < 0.1 ? double.NaN : random.NextDouble() * 100 - 20).ToArray()).ToArray();
        var weights = Enumerable.Range(0, 3).Select(_ => children.Select(_ => 0.75 + random.NextDouble() / 2).ToArray()).ToArray();
        var context = ColumnContext.For("g", Enumerable.Range(0, 1003).Select(i => $"A{i}").ToArray());
        var node = Node(children, weights);

        foreach (var (method, kernel) in new (string, Action)[] { ("amean", () => Kernels.Means(node, 0)), ("min", () => Kernels.Minima(node, 0)) })
        {
            kernel();
            for (var t = 0; t < weights.Length; t++)
            {
                var expected = new double[1003];
                MethodRegistry.Default.Get<IAggregator>(method).Aggregate(new AggregationInput(children, weights[t], new MethodSpec(method), context), expected);
                Assert.True(node.Exact[t]);
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), node.Outputs[t].Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Fact]
    public void A_mean_whose_sums_overflow_is_left_to_the_aggregator()
    {
        var node = Node([[1e308, 1], [1e308, 2]], [[1, 1], [1e308, 1e308]]);

        Kernels.Means(node, 0);

        // 1e308 + 1e308 overflows in both runs; the aggregator rescales the weights instead.
        Assert.Equal([false, false], node.Exact);
    }
}
