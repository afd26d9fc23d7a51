using System.Globalization;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// What to vary in a sensitivity analysis, as COINr's <c>get_sensitivity</c> does: every weight is multiplied by a
/// factor drawn uniformly from [1 − <see cref="WeightNoise"/>, 1 + <see cref="WeightNoise"/>], and, when given, the
/// normalisation and the aggregation are drawn from the alternatives listed, replacing the definition's step, level
/// and per-node choices (list the definition's own choice among them to keep it in the draw).
/// A fixed <see cref="Seed"/> makes the analysis reproducible.
/// </summary>
public sealed record UncertaintyOptions
{
    public int Runs { get; init; } = 200;

    public double WeightNoise { get; init; } = 0.25;

    public int Seed { get; init; } = 20261122;

    /// <summary>Normalisations to draw from (replacing the normalise step's default); empty = keep the definition's.</summary>
    public IReadOnlyList<MethodSpec> Normalisations { get; init; } = [];

    /// <summary>Aggregations to draw from (replacing the aggregate step's default and level defaults); empty = keep.</summary>
    public IReadOnlyList<MethodSpec> Aggregations { get; init; } = [];

    /// <summary>Every problem with these options, by property name.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Runs is < 2 or > 10_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"runs must be between 2 and 10000, got {Runs}."));
        }

        if (!(WeightNoise is >= 0 and < 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"weightNoise must be at least 0 and below 1, got {WeightNoise}."));
        }

        return problems;
    }
}
