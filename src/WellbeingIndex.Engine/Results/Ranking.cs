using System.Buffers;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Results;

/// <summary>Ranks, deciles and quintiles of a score column, the way published league tables state them.</summary>
public static class Ranking
{
    /// <summary>
    /// Rank 1 = highest score; ties share the best (minimum) rank, so 10, 20, 20, 30 rank 4, 2, 2, 1.
    /// Missing scores (NaN) get rank 0.
    /// </summary>
    public static int[] RankDescending(ReadOnlySpan<double> scores)
    {
        var ranks = GC.AllocateUninitializedArray<int>(scores.Length); // every cell is written
        RankDescending(scores, ranks);
        return ranks;
    }

    /// <summary>
    /// <see cref="RankDescending(ReadOnlySpan{double})"/> into the caller's <paramref name="ranks"/>, so a
    /// thousand-run sensitivity analysis allocates no rank array per run (the working arrays are pooled). Scores are
    /// sorted by a bucket sort on their position in the range (one bucket per score, scores in a bucket compared),
    /// about four passes; a range that is not finite falls back to the radix ranks.
    /// </summary>
    internal static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks)
    {
        var n = scores.Length;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        var m = 0;
        foreach (var v in scores)
        {
            if (double.IsNaN(v)) continue;
            m++;
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }

        var scale = m / (high - low);
        if (m == 0 || !double.IsFinite(high - low) || !double.IsFinite(scale))
        {
            RankDescendingByRadix(scores, ranks);
            return;
        }

        var buckets = ArrayPool<int>.Shared.Rent(n + m + 1);
        var order = ArrayPool<int>.Shared.Rent(m);
        var values = ArrayPool<double>.Shared.Rent(m);
        try
        {
            var bucketOf = buckets.AsSpan(0, n);
            var starts = buckets.AsSpan(n, m + 1);
            starts.Clear();
            for (var i = 0; i < n; i++)
            {
                var v = scores[i];
                if (double.IsNaN(v))
                {
                    ranks[i] = 0;
                    continue;
                }

                // (high − v)·scale never decreases as v decreases, so the buckets keep the descending order.
                var b = Math.Min((int)((high - v) * scale), m - 1);
                bucketOf[i] = b;
                starts[b + 1]++;
            }

            for (var b = 1; b <= m; b++) starts[b] += starts[b - 1];
            for (var i = 0; i < n; i++)
            {
                if (double.IsNaN(scores[i])) continue;
                var at = starts[bucketOf[i]]++;
                order[at] = i;
                values[at] = scores[i];
            }

            // starts[b] is now the end of bucket b: sort each bucket by score, descending, then rank in one pass.
            var from = 0;
            for (var b = 0; b < m; b++)
            {
                var to = starts[b];
                if (to - from > 1) SortDescending(values.AsSpan(from, to - from), order.AsSpan(from, to - from));
                from = to;
            }

            var rank = 1;
            ranks[order[0]] = 1;
            for (var j = 1; j < m; j++)
            {
                if (values[j] != values[j - 1]) rank = j + 1;
                ranks[order[j]] = rank;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buckets);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<double>.Shared.Return(values);
        }
    }

    /// <summary>Insertion sort for the few scores of a bucket, a comparison sort when a bucket is crowded (many ties).</summary>
    private static void SortDescending(Span<double> values, Span<int> order)
    {
        if (values.Length > 24)
        {
            values.Sort(order, static (a, b) => b.CompareTo(a));
            return;
        }

        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var o = order[i];
            var j = i - 1;
            for (; j >= 0 && values[j] < v; j--)
            {
                values[j + 1] = values[j];
                order[j + 1] = order[j];
            }

            values[j + 1] = v;
            order[j + 1] = o;
        }
    }

    /// <summary>The ranks by a radix sort of the scores' bits: any range, including infinite scores.</summary>
    internal static void RankDescendingByRadix(ReadOnlySpan<double> scores, Span<int> ranks)
    {
        // Descending ranks with ties at the minimum are ascending minimum ranks of the negated scores.
        var n = scores.Length;
        var negated = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var work = negated.AsSpan(0, n);
            for (var i = 0; i < n; i++)
            {
                work[i] = -scores[i];
            }

            ColumnStatistics.MinRanks(work, work, static (rank, _) => rank);
            for (var i = 0; i < n; i++)
            {
                ranks[i] = double.IsNaN(work[i]) ? 0 : (int)work[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(negated);
        }
    }

    /// <summary>
    /// Splits ranked areas into <paramref name="groups"/> equal bands by rank: band = ⌈groups × rank / n⌉ with n the
    /// number of non-missing scores, so band 1 holds the best 1/groups of areas. 0 for missing.
    /// </summary>
    public static byte[] Bands(ReadOnlySpan<int> ranks, int groups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var n = 0;
        foreach (var r in ranks)
        {
            if (r > 0) n++;
        }

        var bands = new byte[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            if (ranks[i] > 0)
            {
                bands[i] = (byte)Math.Ceiling((double)groups * ranks[i] / n);
            }
        }

        return bands;
    }
}
