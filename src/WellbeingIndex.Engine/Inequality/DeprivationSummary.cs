namespace WellbeingIndex.Engine.Inequality;

/// <summary>
/// The English Indices of Deprivation's local-authority summary measures, from the national ranks of a place's small
/// areas (rank 1 = most deprived of <c>n</c> nationally) and their populations. As in the IoD, average rank and local
/// concentration use reversed ranks (the most deprived area counts n), so higher means more deprived.
/// </summary>
public static class DeprivationSummary
{
    /// <summary>Population-weighted mean of the reversed ranks n + 1 − r.</summary>
    public static double AverageRank(ReadOnlySpan<int> ranks, ReadOnlySpan<double> population, int nationalCount)
    {
        Check(ranks, population, nationalCount);
        double sum = 0, total = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            sum += population[i] * (nationalCount + 1 - ranks[i]);
            total += population[i];
        }

        return sum / total;
    }

    /// <summary>The share of the place's small areas (by count) in the most deprived tenth nationally: r ≤ n/10 (decile 1).</summary>
    public static double ProportionInMostDeprivedTenth(ReadOnlySpan<int> ranks, int nationalCount)
    {
        if (ranks.Length == 0)
        {
            throw new ArgumentException("At least one area is needed.", nameof(ranks));
        }

        var count = 0;
        foreach (var r in ranks)
        {
            if (r < 1 || r > nationalCount)
            {
                throw new ArgumentOutOfRangeException(nameof(ranks), r, $"Ranks must be between 1 and {nationalCount}.");
            }

            count += 10L * r <= nationalCount ? 1 : 0;
        }

        return (double)count / ranks.Length;
    }

    /// <summary>
    /// Extent: the share of the place's population living in the most deprived 30 % of areas nationally, weighted on a
    /// sliding scale: weight 1 for an area in the most deprived 10 % (r/n ≤ 0.1), falling linearly to 0 at 30 %
    /// (weight (0.3 − r/n)/0.2 for 0.1 &lt; r/n ≤ 0.3), 0 beyond.
    /// </summary>
    public static double Extent(ReadOnlySpan<int> ranks, ReadOnlySpan<double> population, int nationalCount)
    {
        Check(ranks, population, nationalCount);
        double sum = 0, total = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            sum += population[i] * ExtentWeight(ranks[i], nationalCount);
            total += population[i];
        }

        return sum / total;
    }

    /// <summary>The extent weight of an area ranked <paramref name="rank"/> of <paramref name="nationalCount"/>.</summary>
    public static double ExtentWeight(int rank, int nationalCount)
    {
        var p = (double)rank / nationalCount;
        return p <= 0.1 ? 1 : p > 0.3 ? 0 : (0.3 - p) / 0.2;
    }

    /// <summary>
    /// Local concentration: the population-weighted mean reversed rank of the place's most deprived areas that together
    /// hold exactly 10 % of its population (the area crossing 10 % counts with the part of its population needed).
    /// </summary>
    public static double LocalConcentration(ReadOnlySpan<int> ranks, ReadOnlySpan<double> population, int nationalCount)
    {
        Check(ranks, population, nationalCount);
        var order = Enumerable.Range(0, ranks.Length).ToArray();
        var keys = ranks.ToArray();
        Array.Sort(keys, order);
        var total = 0.0;
        foreach (var p in population)
        {
            total += p;
        }

        double target = 0.1 * total, taken = 0, sum = 0;
        foreach (var i in order)
        {
            var take = Math.Min(population[i], target - taken);
            if (take <= 0)
            {
                break;
            }

            sum += take * (nationalCount + 1 - ranks[i]);
            taken += take;
        }

        return sum / taken;
    }

    private static void Check(ReadOnlySpan<int> ranks, ReadOnlySpan<double> population, int nationalCount)
    {
        if (ranks.Length == 0 || ranks.Length != population.Length)
        {
            throw new ArgumentException($"Need one population per rank and at least one area; got {ranks.Length} ranks and {population.Length} populations.", nameof(population));
        }

        var total = 0.0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (ranks[i] < 1 || ranks[i] > nationalCount)
            {
                throw new ArgumentOutOfRangeException(nameof(ranks), ranks[i], $"ranks[{i}] must be between 1 and {nationalCount}.");
            }

            if (!double.IsFinite(population[i]) || population[i] < 0)
            {
                throw new ArgumentException($"population[{i}] is {population[i]}; populations must be finite and not negative.", nameof(population));
            }

            total += population[i];
        }

        if (total <= 0)
        {
            throw new ArgumentException("The populations add up to 0.", nameof(population));
        }
    }
}
