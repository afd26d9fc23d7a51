using System.Globalization;
using System.Buffers;

namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>
/// The weighted power mean behind amean (p = 1), gmean (p = 0, the limit), hmean (p = −1) and genmean, as COINr's
/// <c>a_amean</c>, <c>a_gmean</c>, <c>a_hmean</c> and <c>a_genmean</c>: missing children are dropped and the remaining
/// weights re-normalised. Domains are checked cell by cell so the error names the area.
/// </summary>
internal static class WeightedPowerMean
{
    public static void Aggregate(AggregationInput input, Span<double> output, double p, string method)
    {
        CheckWeights(input, method);
        var n = input.AreaCount;
        // Column by column: each child is read contiguously and accumulated into per-area sums, so the cost is one
        // pass per child with no per-cell indirection (this is the hot loop of a 33,000-area build).
        var sumW = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var weights = sumW.AsSpan(0, n);
            if (!Accumulate(input, output, weights, p, method, 1))
            {
                // Weights so large that their sums overflow (weights of 1e308): a weighted mean does not change when
                // every weight is divided by the largest, which keeps the sums of weights finite.
                Accumulate(input, output, weights, p, method, input.Weights.Max());
            }

            for (var i = 0; i < n; i++)
            {
                var sw = weights[i];
                var sum = output[i];
                output[i] = sw == 0 ? double.NaN
                    : p == 1 ? sum / sw
                    : p == 0 ? Math.Exp(sum / sw)
                    : p == -1 ? sw / sum
                    : Math.Pow(sum / sw, 1 / p);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sumW);
        }
    }

    /// <summary>Per-area weighted sums of the transformed children and of the weights; false if any sum overflowed.</summary>
    private static bool Accumulate(AggregationInput input, Span<double> output, Span<double> weights, double p, string method, double divisor)
    {
        var n = input.AreaCount;
        weights.Clear();
        output.Clear();
        if (p == 1)
        {
            SumLinear(input, output, weights, divisor);
        }

        for (var k = 0; k < input.Children.Count && p != 1; k++)
        {
            var child = input.Children[k];
            var w = input.Weights[k] / divisor;
            for (var i = 0; i < n; i++)
            {
                var x = child[i];
                if (double.IsNaN(x))
                {
                    continue;
                }

                if ((p <= 0 && x <= 0) || (p > 0 && p != 1 && x < 0))
                {
                    throw new IndexComputationException(
                        string.Create(CultureInfo.InvariantCulture, $"{method} for '{input.Context.IndicatorCode}': child {k + 1} of area '{input.Context.AreaCodeAt(i)}' is {x}; ") +
                        (p <= 0 ? "the values must be positive." : "the values must not be negative."));
                }

                weights[i] += w;
                output[i] += w * (p == 1 ? x : p == 0 ? Math.Log(x) : p == -1 ? 1 / x : Math.Pow(x, p));
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(output[i]) || !double.IsFinite(weights[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The arithmetic mean's sums, a vector of cells at a time: a missing cell (NaN, the only value not equal to
    /// itself) adds nothing to the weight or the weighted sum. Any finite value is allowed, so there is no domain check.
    /// </summary>
    private static void SumLinear(AggregationInput input, Span<double> sums, Span<double> weights, double divisor)
    {
        // Blocks of areas across all children, so the block's sums and weights stay in the first-level cache.
        const int block = 1024;
        var n = input.AreaCount;
        var width = System.Numerics.Vector<double>.Count;
        for (var from = 0; from < n; from += block)
        {
            var to = Math.Min(n, from + block);
            for (var k = 0; k < input.Children.Count; k++)
            {
                var child = input.Children[k].AsSpan(0, n);
                var w = input.Weights[k] / divisor;
                var vw = new System.Numerics.Vector<double>(w);
                var i = from;
                for (; i <= to - width; i += width)
                {
                    var x = new System.Numerics.Vector<double>(child[i..]);
                    var present = System.Numerics.Vector.Equals(x, x);
                    (new System.Numerics.Vector<double>(sums[i..]) + System.Numerics.Vector.ConditionalSelect(present, x * vw, System.Numerics.Vector<double>.Zero)).CopyTo(sums[i..]);
                    (new System.Numerics.Vector<double>(weights[i..]) + System.Numerics.Vector.ConditionalSelect(present, vw, System.Numerics.Vector<double>.Zero)).CopyTo(weights[i..]);
                }

                for (; i < to; i++)
                {
                    var x = child[i];
                    if (double.IsNaN(x)) continue;
                    weights[i] += w;
                    sums[i] += w * x;
                }
            }
        }
    }

    /// <summary>Weights must be finite and not negative (the definition validator wants them positive).</summary>
    public static void CheckWeights(AggregationInput input, string method)
    {
        for (var k = 0; k < input.Weights.Count; k++)
        {
            var w = input.Weights[k];
            if (!double.IsFinite(w) || w < 0)
            {
                throw new IndexComputationException(string.Create(CultureInfo.InvariantCulture, $"{method} for '{input.Context.IndicatorCode}': weight of child {k + 1} is {w}; weights must be finite and not negative."));
            }
        }
    }
}
