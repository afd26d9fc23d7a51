using System.Collections.Immutable;

namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// What a normaliser or treatment learnt from a reference set of values (min and max, mean and sd, clip bounds, the
/// sorted distribution for ranks), so that it can be applied unchanged to other columns: another period, or every
/// period of a panel. A single-period run fits on the column itself.
/// </summary>
public sealed class FittedParameters
{
    private readonly double[]? _reference;

    /// <param name="values">Named parameters in the method's own terms (for example min and max), for reports.</param>
    /// <param name="reference">The sorted present reference values, for rank methods; null otherwise.</param>
    public FittedParameters(IReadOnlyDictionary<string, double> values, double[]? reference = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values.ToImmutableSortedDictionary(StringComparer.Ordinal);
        _reference = reference;
    }

    /// <summary>No parameters: the method's fixed specification is all it needs.</summary>
    public static FittedParameters None { get; } = new(ImmutableDictionary<string, double>.Empty);

    public ImmutableSortedDictionary<string, double> Values { get; }

    /// <summary>The named parameter; NaN when the reference had no values for it.</summary>
    /// <exception cref="KeyNotFoundException">The method did not fit a parameter of that name.</exception>
    public double this[string name] =>
        Values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"No fitted parameter '{name}' (fitted: {string.Join(", ", Values.Keys)}).");

    public bool Contains(string name) => Values.ContainsKey(name);

    /// <summary>The sorted present reference values (empty unless fitted by a rank method).</summary>
    public ReadOnlySpan<double> Reference => _reference;
}
