namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// The exponential transform of the English Indices of Deprivation: X = −C·ln(1 − R·(1 − e^(−100/C))) with R = rank/n
/// (ranks as <see cref="RankNormaliser"/>: the highest v gets R = 1 → 100; R → 0 gives 0; C = 23 in the IoD). It
/// stretches the highest-ranked end. The IoD applies it to deprivation, most deprived → 100, so that high deprivation
/// in one domain is not cancelled by low deprivation in another: to reproduce it, give deprivation scores direction +1
/// (the composite is then a deprivation score, rank 1 = most deprived, as published). On a wellbeing indicator
/// (higher is better) the stretched end is the best areas.
/// </summary>
public sealed class ExponentialRankNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Number("c", check: v => v > 0, rule: "must be greater than 0"));

    public string Name => "exprank";

    public string Description => "IoD exponential rank: X = −C·ln(1 − R·(1 − e^(−100/C))), R = rank/n, C = 23 by default.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    /// <summary>The sorted present reference values, as <see cref="RankNormaliser"/>.</summary>
    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return ColumnStatistics.RankParameters(reference);
    }

    /// <summary>Against a reference set a value beyond its best has rank/n above 1; R is capped at 1 (score 100).</summary>
    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var c = spec.Number("c", 23);
        ColumnStatistics.RanksAgainst(parameters.Reference, values, output, (rank, n) => Transform(Math.Min(1, rank / n), c));
    }

    public void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var c = spec.Number("c", 23);
        ColumnStatistics.MinRanks(values, output, (rank, n) => Transform(rank / n, c));
    }

    /// <summary>The transform of a rank fraction <paramref name="r"/> in [0, 1].</summary>
    internal static double Transform(double r, double c) => -c * Math.Log(1 - r * (1 - Math.Exp(-100 / c)));
}
