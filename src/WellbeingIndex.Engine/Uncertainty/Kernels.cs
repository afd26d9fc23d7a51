using System.Numerics;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// The two aggregations a sensitivity analysis repeats thousands of times, for a batch of runs at once and bit for bit
/// as the registry's aggregators compute them (the same operations in the same order), followed by the pipeline's
/// coverage rule: the weighted arithmetic mean (Σ wᵢxᵢ / Σ wᵢ over the present children, summed child by child as
/// amean sums them) and the minimum. Areas go in blocks, so a block of the children's columns is read from memory once
/// for every run of the batch, and each area's sums stay in registers.
/// </summary>
internal static class Kernels
{
    private const int Block = 512;

    /// <summary>
    /// One aggregate over a batch of runs: per run, its child columns, their weights, the output column and whether the
    /// kernel's output is the aggregator's (otherwise the caller runs the aggregator).
    /// </summary>
    internal readonly record struct BatchNode(double[][][] Children, double[][] Weights, double[][] Outputs, bool[] Exact);

    /// <summary>
    /// The weighted arithmetic mean. A run is left to the aggregator when a weight is negative or not finite (its error
    /// names the child) or a sum is not finite (the aggregator rescales the weights).
    /// </summary>
    public static void Means(BatchNode node, double minCoverage)
    {
        var runs = node.Outputs.Length;
        var width = Vector<double>.Count;
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var nan = new Vector<double>(double.NaN);
        var min = new Vector<double>(minCoverage);
        for (var t = 0; t < runs; t++)
        {
            node.Exact[t] = node.Weights[t].All(w => double.IsFinite(w) && w >= 0);
        }

        var n = node.Outputs[0].Length;
        for (var from = 0; from < n; from += Block)
        {
            var to = Math.Min(n, from + Block);
            for (var t = 0; t < runs; t++)
            {
                if (!node.Exact[t]) continue;
                var children = node.Children[t];
                var weights = node.Weights[t];
                var output = node.Outputs[t];
                var k = children.Length;
                var size = new Vector<double>(k);
                var check = zero;
                var i = from;
                // Two vectors of areas at a time: independent sums, so the additions overlap instead of waiting on each other.
                for (; i <= to - 2 * width; i += 2 * width)
                {
                    Vector<double> sum = zero, sw = zero, count = zero, sum2 = zero, sw2 = zero, count2 = zero;
                    for (var c = 0; c < k; c++)
                    {
                        var column = children[c];
                        var w = new Vector<double>(weights[c]);
                        var x = new Vector<double>(column, i);
                        var x2 = new Vector<double>(column, i + width);
                        var present = Vector.Equals(x, x);
                        var present2 = Vector.Equals(x2, x2);
                        sum += Vector.ConditionalSelect(present, x * w, zero);
                        sum2 += Vector.ConditionalSelect(present2, x2 * w, zero);
                        sw += Vector.ConditionalSelect(present, w, zero);
                        sw2 += Vector.ConditionalSelect(present2, w, zero);
                        count += Vector.ConditionalSelect(present, one, zero);
                        count2 += Vector.ConditionalSelect(present2, one, zero);
                    }

                    check += (sum - sum) + (sw - sw) + (sum2 - sum2) + (sw2 - sw2);
                    var drop = Vector.Equals(sw, zero) | Vector.Equals(count, zero) | Vector.LessThan(count / size, min);
                    Vector.ConditionalSelect(drop, nan, sum / sw).CopyTo(output, i);
                    var drop2 = Vector.Equals(sw2, zero) | Vector.Equals(count2, zero) | Vector.LessThan(count2 / size, min);
                    Vector.ConditionalSelect(drop2, nan, sum2 / sw2).CopyTo(output, i + width);
                }

                for (; i <= to - width; i += width)
                {
                    Vector<double> sum = zero, sw = zero, count = zero;
                    for (var c = 0; c < k; c++)
                    {
                        var x = new Vector<double>(children[c], i);
                        var present = Vector.Equals(x, x);
                        var w = new Vector<double>(weights[c]);
                        sum += Vector.ConditionalSelect(present, x * w, zero);
                        sw += Vector.ConditionalSelect(present, w, zero);
                        count += Vector.ConditionalSelect(present, one, zero);
                    }

                    check += (sum - sum) + (sw - sw); // NaN once a sum is infinite
                    var drop = Vector.Equals(sw, zero) | Vector.Equals(count, zero) | Vector.LessThan(count / size, min);
                    Vector.ConditionalSelect(drop, nan, sum / sw).CopyTo(output, i);
                }

                for (; i < to; i++)
                {
                    double sum = 0, sw = 0, count = 0;
                    for (var c = 0; c < k; c++)
                    {
                        var x = children[c][i];
                        if (double.IsNaN(x)) continue;
                        sw += weights[c];
                        sum += x * weights[c];
                        count++;
                    }

                    check += new Vector<double>((sum - sum) + (sw - sw));
                    var cover = count / k;
                    output[i] = sw == 0 || cover == 0 || cover < minCoverage ? double.NaN : sum / sw;
                }

                if (!Vector.EqualsAll(check, zero)) node.Exact[t] = false;
            }
        }
    }

    /// <summary>The minimum of the present children (weights ignored).</summary>
    public static void Minima(BatchNode node, double minCoverage)
    {
        var runs = node.Outputs.Length;
        var width = Vector<double>.Count;
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var nan = new Vector<double>(double.NaN);
        var min = new Vector<double>(minCoverage);
        var n = node.Outputs[0].Length;
        for (var from = 0; from < n; from += Block)
        {
            var to = Math.Min(n, from + Block);
            for (var t = 0; t < runs; t++)
            {
                var children = node.Children[t];
                var output = node.Outputs[t];
                var k = children.Length;
                var size = new Vector<double>(k);
                var i = from;
                for (; i <= to - width; i += width)
                {
                    Vector<double> least = nan, count = zero;
                    for (var c = 0; c < k; c++)
                    {
                        var x = new Vector<double>(children[c], i);
                        var present = Vector.Equals(x, x);
                        least = Vector.ConditionalSelect(Vector.AndNot(present, Vector.GreaterThanOrEqual(x, least)), x, least);
                        count += Vector.ConditionalSelect(present, one, zero);
                    }

                    var drop = Vector.Equals(count, zero) | Vector.LessThan(count / size, min);
                    Vector.ConditionalSelect(drop, nan, least).CopyTo(output, i);
                }

                for (; i < to; i++)
                {
                    double least = double.NaN, count = 0;
                    for (var c = 0; c < k; c++)
                    {
                        var x = children[c][i];
                        if (double.IsNaN(x)) continue;
                        if (!(x >= least)) least = x;
                        count++;
                    }

                    var cover = count / k;
                    output[i] = cover == 0 || cover < minCoverage ? double.NaN : least;
                }
            }
        }

        Array.Fill(node.Exact, true);
    }
}
