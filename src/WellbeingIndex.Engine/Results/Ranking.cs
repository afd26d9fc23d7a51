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
        var ranks = new int[scores.Length];
        RankDescending(scores, ranks);
        return ranks;
    }

    /// <summary>
    /// <see cref="RankDescending(ReadOnlySpan{double})"/> into the caller's <paramref name="ranks"/>, so a
    /// thousand-run sensitivity analysis allocates no rank array per run (the working arrays are pooled).
    /// </summary>
    internal static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks)
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
