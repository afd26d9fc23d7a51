namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// The exponential transform of the English Indices of Deprivation: X = −C·ln(1 − R·(1 − e^(−100/C))) with R = rank/n
/// (ranks as <see cref="RankNormaliser"/>: the highest v gets R = 1 → 100; R → 0 gives 0; C = 23 in the IoD). It
/// stretches the highest-ranked end. The IoD applies it to deprivation, most deprived → 100, so that high deprivation
/// in one domain is not cancelled by low deprivation in another: to reproduce it, give deprivation scores direction +1
/// (the composite is then a deprivation score, rank 1 = most deprived, as published). On a wellbeing indicator
/// (higher is better) the stretched end is the best areas. <c>stretch = low</c> stretches the other end instead:
/// R = (n + 1 − rank)/n, so the lowest v gets 100 — the IoD rebuilt from its published domain ranks (rank 1 = most
/// deprived, direction +1) gets the most deprived at 100 and ties sharing a published rank get the same R as in the IoD.
/// </summary>
public sealed class ExponentialRankNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new(
        MethodParameter.Number("c", check: v => v > 0, rule: "must be greater than 0"), MethodParameter.Text("stretch", allowed: ["high", "low"]));

    public string Name => "exprank";

    public string Description => "IoD exponential rank: X = −C·ln(1 − R·(1 − e^(−100/C))), R = rank/n, C = 23 by default; stretch = low: R = (n + 1 − rank)/n (lowest v → 100).";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var c = spec.Number("c", 23);
        if (spec.Text("stretch") == "low")
        {
            ColumnStatistics.MinRanks(values, output, (rank, n) => Transform((n + 1 - rank) / n, c));
        }
        else
        {
            ColumnStatistics.MinRanks(values, output, (rank, n) => Transform(rank / n, c));
        }
    }

    /// <summary>The transform of a rank fraction <paramref name="r"/> in [0, 1].</summary>
    internal static double Transform(double r, double c) => -c * Math.Log(1 - r * (1 - Math.Exp(-100 / c)));
}
