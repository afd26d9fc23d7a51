using System.Buffers;
using System.Numerics;

namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// Statistics over the present (non-NaN) values of one column. Shared by the methods so that every method skips
/// missing values the same way and none allocates per cell (sorting borrows one pooled array).
/// </summary>
internal static class ColumnStatistics
{
    public static int CountPresent(ReadOnlySpan<double> values)
    {
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v)) n++;
        }

        return n;
    }

    /// <summary>Minimum and maximum of the present values; (NaN, NaN) when none is present.</summary>
    public static (double Min, double Max) Range(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var any = false;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= 4 * Vector<double>.Count)
        {
            // A vector of running minima and maxima (NaN compares false, so it is skipped as below), then their lanes.
            var (vmin, vmax) = (new Vector<double>(min), new Vector<double>(max));
            var present = Vector<long>.Zero;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = new Vector<double>(values[i..]);
                present |= Vector.Equals(v, v);
                vmin = Vector.ConditionalSelect(Vector.LessThan(v, vmin), v, vmin);
                vmax = Vector.ConditionalSelect(Vector.GreaterThan(v, vmax), v, vmax);
            }

            any = present != Vector<long>.Zero;
            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                if (vmin[lane] < min) min = vmin[lane];
                if (vmax[lane] > max) max = vmax[lane];
            }

            if (min == 0 || max == 0)
            {
                // −0 and +0 compare equal: which of them is kept depends on the order seen, so keep the scalar order.
                (min, max, any, i) = (double.PositiveInfinity, double.NegativeInfinity, false, 0);
            }
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v)) continue;
            any = true;
            if (v < min) min = v;
            if (v > max) max = v;
        }

        return any ? (min, max) : (double.NaN, double.NaN);
    }

    /// <summary>Mean and sample standard deviation (n − 1, as R's <c>sd</c>); sd is NaN below two values.</summary>
    public static (int Count, double Mean, double Sd) MeanSd(ReadOnlySpan<double> values)
    {
        var n = 0;
        var sum = 0.0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            n++;
            sum += v;
        }

        if (n == 0) return (0, double.NaN, double.NaN);
        var mean = sum / n;
        var ss = 0.0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            var d = v - mean;
            ss += d * d;
        }

        return (n, mean, n > 1 ? Math.Sqrt(ss / (n - 1)) : double.NaN);
    }

    /// <summary>
    /// Weighted mean and the unbiased sd for reliability weights, √(Σw(v − m)² / (Σw − Σw²/Σw)): equal weights give
    /// the sample sd. Values or weights that are missing, and zero weights, are skipped; a negative weight throws.
    /// </summary>
    public static (int Count, double Mean, double Sd) WeightedMeanSd(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (weights.Length != values.Length)
        {
            throw new ArgumentException($"{weights.Length} weights for {values.Length} values.", nameof(weights));
        }

        double sw = 0, sw2 = 0, swx = 0;
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var (v, w) = (values[i], weights[i]);
            if (w < 0) throw new ArgumentException($"weight {w} at position {i + 1} is negative.", nameof(weights));
            if (double.IsNaN(v) || double.IsNaN(w) || w == 0) continue;
            n++;
            sw += w;
            sw2 += w * w;
            swx += w * v;
        }

        if (n == 0) return (0, double.NaN, double.NaN);
        var mean = swx / sw;
        var ss = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var (v, w) = (values[i], weights[i]);
            if (double.IsNaN(v) || double.IsNaN(w) || w == 0) continue;
            ss += w * (v - mean) * (v - mean);
        }

        return (n, mean, n > 1 ? Math.Sqrt(ss / (sw - sw2 / sw)) : double.NaN);
    }

    /// <summary>The reference's minimum and maximum as fitted parameters <c>min</c> and <c>max</c> (NaN when none).</summary>
    public static FittedParameters RangeParameters(ReadOnlySpan<double> reference)
    {
        var (min, max) = Range(reference);
        return new FittedParameters(new Dictionary<string, double> { ["min"] = min, ["max"] = max });
    }

    /// <summary>The sorted present reference values, with their count as parameter <c>n</c>.</summary>
    public static FittedParameters RankParameters(ReadOnlySpan<double> reference)
    {
        var sorted = new double[CountPresent(reference)];
        CopyPresentSorted(reference, sorted);
        return new FittedParameters(new Dictionary<string, double> { ["n"] = sorted.Length }, sorted);
    }

    /// <summary>
    /// Ranks <paramref name="values"/> against a sorted reference: rank = 1 + the number of reference values strictly
    /// below the value (the min-ties rank it would have among the reference), then <paramref name="map"/>(rank, n) with
    /// n the reference's size. When the reference is the column itself this is <see cref="MinRanks"/>.
    /// </summary>
    public static void RanksAgainst(ReadOnlySpan<double> sorted, ReadOnlySpan<double> values, Span<double> output, Func<double, int, double> map)
    {
        var n = sorted.Length;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            output[i] = double.IsNaN(v) || n == 0 ? double.NaN : map(LowerBound(sorted, v) + 1, n);
        }
    }

    /// <summary>
    /// Skewness and kurtosis as COINr's <c>skew()</c> and <c>kurt()</c> (R/treat.R), which copy e1071 type 2 (Excel's
    /// SKEW and KURT): G1 = √n·Σd³/(Σd²)^1.5 · √(n(n−1))/(n−2); with r = n·Σd⁴/(Σd²)²,
    /// G2 = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)). NaN when fewer than 4 values are present or all are equal.
    /// </summary>
    public static (double Skew, double Kurt) SkewKurt(ReadOnlySpan<double> values)
    {
        var (n, mean, _) = MeanSd(values);
        if (n < 4) return (double.NaN, double.NaN);
        double s2 = 0, s3 = 0, s4 = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            var d = v - mean;
            var d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }

        if (s2 == 0) return (double.NaN, double.NaN);
        double nn = n;
        var skew = Math.Sqrt(nn) * s3 / Math.Pow(s2, 1.5) * Math.Sqrt(nn * (nn - 1)) / (nn - 2);
        var r = nn * s4 / (s2 * s2);
        var kurt = ((nn + 1) * (r - 3) + 6) * (nn - 1) / ((nn - 2) * (nn - 3));
        return (skew, kurt);
    }

    /// <summary>Median of the present values (mean of the middle two for an even count, as R); NaN when none.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        var n = CountPresent(values);
        if (n == 0) return double.NaN;
        var scratch = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var sorted = CopyPresentSorted(values, scratch.AsSpan(0, n));
            return MedianOfSorted(sorted);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    public static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        if (n == 0) return double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>
    /// Writes the rank of each present value among the present values (1 = lowest; ties take the minimum rank, as R's
    /// <c>rank(ties.method = "min")</c>), then applies <paramref name="map"/>(rank, count). NaN stays NaN.
    /// <paramref name="values"/> and <paramref name="output"/> may be the same memory.
    /// </summary>
    public static void MinRanks(ReadOnlySpan<double> values, Span<double> output, Func<double, int, double> map)
    {
        var n = CountPresent(values);
        if (n == 0)
        {
            output.Fill(double.NaN);
            return;
        }

        // Sort (order-preserving key, index) pairs once by LSD radix, then give ties their minimum rank in one pass:
        // no comparison sort, no search per value, and map is called once per distinct value.
        var keys = ArrayPool<ulong>.Shared.Rent(2 * n);
        var order = ArrayPool<int>.Shared.Rent(2 * n);
        try
        {
            var k = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (double.IsNaN(v))
                {
                    output[i] = double.NaN;
                    continue;
                }

                var bits = (ulong)BitConverter.DoubleToInt64Bits(v + 0.0); // + 0.0 turns −0 into +0, which ties with it
                keys[k] = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
                order[k++] = i;
            }

            var half = RadixSort(keys.AsSpan(0, n), keys.AsSpan(n, n), order.AsSpan(0, n), order.AsSpan(n, n)) ? n : 0;
            var sortedKeys = keys.AsSpan(half, n);
            var sortedOrder = order.AsSpan(half, n);
            var mapped = map(1, n);
            output[sortedOrder[0]] = mapped;
            for (var j = 1; j < n; j++)
            {
                if (sortedKeys[j] != sortedKeys[j - 1])
                {
                    mapped = map(j + 1, n);
                }

                output[sortedOrder[j]] = mapped;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>
    /// Stable LSD radix sort of keys with their payload, 11 bits at a time (six passes for 64 bits, where bytes would
    /// take eight), skipping digits all keys share; true when the result ended in the spare spans.
    /// </summary>
    private static bool RadixSort(Span<ulong> keys, Span<ulong> keysSpare, Span<int> order, Span<int> orderSpare)
    {
        const int bits = 11;
        const int radix = 1 << bits;
        const int digits = (64 + bits - 1) / bits;
        var inSpare = false;
        var pooled = ArrayPool<int>.Shared.Rent(digits * radix);
        try
        {
            var counts = pooled.AsSpan(0, digits * radix);
            counts.Clear();
            foreach (var key in keys)
            {
                for (var d = 0; d < digits; d++)
                {
                    counts[(d * radix) + (int)((key >> (bits * d)) & (radix - 1))]++;
                }
            }

            for (var d = 0; d < digits; d++)
            {
                var count = counts.Slice(d * radix, radix);
                var shift = bits * d;
                if (count[(int)((keys[0] >> shift) & (radix - 1))] == keys.Length)
                {
                    continue;
                }

                var sum = 0;
                for (var b = 0; b < radix; b++)
                {
                    (count[b], sum) = (sum, sum + count[b]);
                }

                for (var j = 0; j < keys.Length; j++)
                {
                    var at = count[(int)((keys[j] >> shift) & (radix - 1))]++;
                    keysSpare[at] = keys[j];
                    orderSpare[at] = order[j];
                }

                var tk = keys;
                keys = keysSpare;
                keysSpare = tk;
                var to = order;
                order = orderSpare;
                orderSpare = to;
                inSpare = !inSpare;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pooled);
        }

        return inSpare;
    }

    private static Span<double> CopyPresentSorted(ReadOnlySpan<double> values, Span<double> target)
    {
        var k = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v)) target[k++] = v;
        }

        target.Sort();
        return target;
    }

    /// <summary>Number of elements of <paramref name="sorted"/> strictly less than <paramref name="v"/>.</summary>
    private static int LowerBound(ReadOnlySpan<double> sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
