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
        var ranks = new int[scores.Length];
        RankDescending(scores, ranks, new int[scores.Length], new double[scores.Length]);
        return ranks;
    }

    /// <summary>
    /// <see cref="RankDescending(ReadOnlySpan{double})"/> into <paramref name="ranks"/>, sorting in the caller's scratch
    /// (<paramref name="order"/>, <paramref name="keys"/>, each as long as the scores): what a thousand-run
    /// sensitivity analysis calls so that it allocates nothing per run.
    /// </summary>
    internal static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks, Span<int> order, Span<double> keys)
    {
        var n = scores.Length;
        var valid = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(scores[i]))
            {
                order[valid] = i;
                keys[valid] = -scores[i];
                valid++;
            }
        }

        keys[..valid].Sort(order[..valid]);
        ranks[..n].Clear();
        for (var k = 0; k < valid; k++)
        {
            ranks[order[k]] = k > 0 && keys[k] == keys[k - 1] ? ranks[order[k - 1]] : k + 1;
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
