using System.Globalization;
using System.Buffers;
using System.Numerics;

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
            var scale = 1.0;
            if (!Accumulate(input, output, weights, p, method, 1, 1))
            {
                // Sums that overflow (weights of 1e308, scores near ±1e308): a power mean does not change when every
                // weight is divided by the largest, and scales with its values (M(cx) = c·M(x)), so the sums are taken
                // over weights ≤ 1 and values divided by a power of two near the largest magnitude, then scaled back.
                // (For p ≤ 0 an overflowing sum means a tiny value, and the mean it gives, 0, is already finite.)
                scale = p > 0 ? PowerOfTwoAtLeast(LargestMagnitude(input)) : 1;
                Accumulate(input, output, weights, p, method, input.Weights.Max(), scale);
            }

            var i = 0;
            if (p == 1 && Vector.IsHardwareAccelerated)
            {
                // The arithmetic mean a vector at a time: the same division and scaling per cell as below.
                var (zero, missing, vscale) = (Vector<double>.Zero, new Vector<double>(double.NaN), new Vector<double>(scale));
                for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
                {
                    var sw = new Vector<double>(weights[i..]);
                    var mean = new Vector<double>(output[i..]) / sw;
                    (Vector.ConditionalSelect(Vector.Equals(sw, zero), missing, mean) * vscale).CopyTo(output[i..]);
                }
            }

            for (; i < n; i++)
            {
                var sw = weights[i];
                var sum = output[i];
                output[i] = sw == 0 ? double.NaN
                    : p == 1 ? sum / sw
                    : p == 0 ? Math.Exp(sum / sw)
                    : p == -1 ? sw / sum
                    : Math.Pow(sum / sw, 1 / p);
                output[i] *= scale;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sumW);
        }
    }

    /// <summary>Per-area weighted sums of the transformed children and of the weights; false if any sum overflowed.</summary>
    private static bool Accumulate(AggregationInput input, Span<double> output, Span<double> weights, double p, string method, double divisor, double scale)
    {
        var n = input.AreaCount;
        weights.Clear();
        output.Clear();
        var linear = p == 1 && scale == 1;
        if (linear)
        {
            SumLinear(input, output, weights, divisor);
        }

        for (var k = 0; k < input.Children.Count && !linear; k++)
        {
            var child = input.Children[k];
            var w = input.Weights[k] / divisor;
            for (var i = 0; i < n; i++)
            {
                var v = child[i];
                var x = v / scale;
                if (double.IsNaN(x))
                {
                    continue;
                }

                if ((p <= 0 && x <= 0) || (p > 0 && p != 1 && x < 0))
                {
                    throw new IndexComputationException(
                        string.Create(CultureInfo.InvariantCulture, $"{method} for '{input.Context.IndicatorCode}': child {k + 1} of area '{input.Context.AreaCodeAt(i)}' is {v}; ") +
                        (p <= 0 ? "the values must be positive." : "the values must not be negative."));
                }

                weights[i] += w;
                output[i] += w * (p == 1 ? x : p == 0 ? Math.Log(x) : p == -1 ? 1 / x : Math.Pow(x, p));
            }
        }

        // x·0 is 0 for a finite x and NaN for ±∞ or NaN.
        var i0 = 0;
        var finite = Vector<long>.AllBitsSet;
        for (; i0 <= n - Vector<double>.Count; i0 += Vector<double>.Count)
        {
            finite &= Vector.Equals(new Vector<double>(output[i0..]) * Vector<double>.Zero, Vector<double>.Zero)
                & Vector.Equals(new Vector<double>(weights[i0..]) * Vector<double>.Zero, Vector<double>.Zero);
        }

        if (finite != Vector<long>.AllBitsSet)
        {
            return false;
        }

        for (var i = i0; i < n; i++)
        {
            if (!double.IsFinite(output[i]) || !double.IsFinite(weights[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double LargestMagnitude(AggregationInput input)
    {
        var largest = 0.0;
        foreach (var child in input.Children)
        {
            for (var i = 0; i < input.AreaCount; i++)
            {
                largest = Math.Max(largest, Math.Abs(child[i]) is var a && double.IsNaN(a) ? 0 : a);
            }
        }

        return largest;
    }

    /// <summary>The smallest power of two not below <paramref name="x"/>, at most 2^1023 (1 for x ≤ 1): dividing by it is exact.</summary>
    private static double PowerOfTwoAtLeast(double x) => x <= 1 ? 1 : Math.Pow(2, Math.Min(1023, Math.Ceiling(Math.Log2(x))));

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
