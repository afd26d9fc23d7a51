namespace WellbeingIndex.Engine.Inequality;

/// <summary>
/// The values of a place's small areas with their weights (population or households): each person counts once, so a
/// mean, a Gini or an Atkinson index is over people, not over areas. Values are sorted once; every measure is a pure
/// function of them.
/// </summary>
public sealed class WeightedDistribution
{
    private readonly double[] _values;
    private readonly double[] _weights;

    /// <param name="values">One value per small area; finite.</param>
    /// <param name="weights">One weight per small area; finite and not negative, adding up to more than 0.</param>
    /// <exception cref="ArgumentException">Lengths differ, no areas, a value is not finite, a weight is negative or not finite, or the weights add up to 0.</exception>
    public WeightedDistribution(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (values.Length != weights.Length)
        {
            throw new ArgumentException($"{values.Length} values but {weights.Length} weights.", nameof(weights));
        }

        if (values.Length == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"values[{i}] is {values[i]}, not a finite number.", nameof(values));
            }

            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new ArgumentException($"weights[{i}] is {weights[i]}; weights must be finite and not negative.", nameof(weights));
            }

            order[i] = i;
        }

        var v = values.ToArray();
        Array.Sort(v, order);
        _values = v;
        _weights = new double[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            _weights[i] = weights[order[i]];
            TotalWeight += _weights[i];
        }

        if (TotalWeight <= 0)
        {
            throw new ArgumentException("The weights add up to 0.", nameof(weights));
        }

        for (var i = 0; i < _values.Length; i++)
        {
            Mean += _weights[i] * _values[i] / TotalWeight;
        }
    }

    /// <summary>How many small areas.</summary>
    public int Count => _values.Length;

    /// <summary>The sum of the weights (the place's population, when weights are populations).</summary>
    public double TotalWeight { get; }

    /// <summary>The weighted mean: the place's value as a roll-up of its small areas.</summary>
    public double Mean { get; }

    /// <summary>The smallest value.</summary>
    public double Min => _values[0];

    /// <summary>
    /// Gini coefficient over people: G = Σᵢ Σⱼ wᵢwⱼ|xᵢ − xⱼ| / (2W²μ), computed on sorted values as
    /// Σᵢ wᵢxᵢ(Cᵢ₋₁ + Cᵢ − W) / (W·Σ wx) with Cᵢ the cumulative weight. 0 = everyone equal.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is negative or the mean is not positive: the Gini is for non-negative quantities.</exception>
    public double Gini()
    {
        if (_values[0] < 0 || Mean <= 0)
        {
            throw new InvalidOperationException($"The Gini coefficient needs non-negative values with a positive mean; the smallest value is {_values[0]} and the mean {Mean}.");
        }

        double cumulative = 0, sum = 0, weightedTotal = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            var before = cumulative;
            cumulative += _weights[i];
            sum += _weights[i] * _values[i] * (before + cumulative - TotalWeight);
            weightedTotal += _weights[i] * _values[i];
        }

        return sum / (TotalWeight * weightedTotal);
    }

    /// <summary>
    /// Atkinson index with inequality aversion ε: A = 1 − EDE/μ, where the equally distributed equivalent is
    /// EDE = (Σ wᵢxᵢ^(1−ε)/W)^(1/(1−ε)), or the weighted geometric mean exp(Σ wᵢ ln xᵢ / W) for ε = 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is negative or not finite.</exception>
    /// <exception cref="InvalidOperationException">A value is 0 or negative: the Atkinson index is for positive quantities.</exception>
    public double Atkinson(double epsilon) => 1 - EquallyDistributedEquivalent(epsilon) / Mean;

    /// <summary>The Atkinson equally distributed equivalent (see <see cref="Atkinson"/>): μ·(1 − A_ε), the IHDI's inequality-adjusted value.</summary>
    public double EquallyDistributedEquivalent(double epsilon)
    {
        if (!double.IsFinite(epsilon) || epsilon < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Inequality aversion must be a finite number, 0 or more.");
        }

        if (_values[0] <= 0)
        {
            throw new InvalidOperationException($"The Atkinson index needs positive values; the smallest value is {_values[0]}.");
        }

        double sum = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            sum += _weights[i] * (epsilon == 1 ? Math.Log(_values[i]) : Math.Pow(_values[i], 1 - epsilon));
        }

        sum /= TotalWeight;
        return epsilon == 1 ? Math.Exp(sum) : Math.Pow(sum, 1 / (1 - epsilon));
    }

    /// <summary>The share of the weight (of people) in areas whose value is strictly below <paramref name="threshold"/>, 0–1.</summary>
    public double ShareBelow(double threshold)
    {
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold is NaN.", nameof(threshold));
        }

        var below = 0.0;
        for (var i = 0; i < _values.Length && _values[i] < threshold; i++)
        {
            below += _weights[i];
        }

        return below / TotalWeight;
    }

    /// <summary>
    /// The weighted means of the lowest and the highest fifth of the small areas. Fifths are by count of areas (each
    /// area counts once, as IoD quintiles do), taken in value order; when the count is not a multiple of 5 the area on
    /// the boundary belongs to the fifth in proportion (n = 6: the lowest area and a fifth of the second). Within a
    /// fifth the mean is weighted (by population).
    /// </summary>
    public (double Lowest, double Highest) FifthMeans()
    {
        var fifth = _values.Length / 5.0;
        return (FifthMean(fifth, fromTop: false), FifthMean(fifth, fromTop: true));
    }

    private double FifthMean(double fifth, bool fromTop)
    {
        double remaining = fifth, sum = 0, weight = 0;
        for (var k = 0; k < _values.Length && remaining > 0; k++)
        {
            var i = fromTop ? _values.Length - 1 - k : k;
            var share = Math.Min(1, remaining);
            remaining -= share;
            sum += share * _weights[i] * _values[i];
            weight += share * _weights[i];
        }

        return weight > 0 ? sum / weight : double.NaN;
    }
}
