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
        var low = spec.Text("stretch") == "low";
        ColumnStatistics.RanksAgainst(parameters.Reference, values, output, (rank, n) => Transform(Math.Clamp(low ? (n + 1 - rank) / n : rank / n, 0, 1), c));
    }

    public void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var c = spec.Number("c", 23);
        var em1 = ExpM1(-100 / c);
        if (spec.Text("stretch") == "low")
        {
            ColumnStatistics.MinRanks(values, output, (rank, n) => Transform((n + 1 - rank) / n, c, em1));
        }
        else
        {
            ColumnStatistics.MinRanks(values, output, (rank, n) => Transform(rank / n, c, em1));
        }
    }

    /// <summary>
    /// The transform of a rank fraction <paramref name="r"/> in [0, 1], kept finite for any C &gt; 0: the argument of
    /// the logarithm is 1 + r·expm1(−100/C) (log1p, exact for large C); when it nears 0 (C below about 2.7 rounds
    /// 1 − e^(−100/C) to 1, so the top rank would give ln 0) it is (1 − r) + r·e^(−100/C), summed in logs.
    /// </summary>
    internal static double Transform(double r, double c) => Transform(r, c, ExpM1(-100 / c));

    private static double Transform(double r, double c, double em1)
    {
        var x = r * em1;
        if (x > -0.5)
        {
            return -c * LogP1(x);
        }

        var lnA = Math.Log(1 - r);
        var lnB = Math.Log(r) - 100 / c;
        var (hi, lo) = lnA > lnB ? (lnA, lnB) : (lnB, lnA);
        return -c * (hi + LogP1(Math.Exp(lo - hi)));
    }

    // .NET's double.ExpM1 and LogP1 are exp(x) − 1 and log(1 + x), which lose everything for tiny x: Kahan's forms.
    private static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        return u == 1 ? x : u - 1 == -1 ? -1 : (u - 1) * x / Math.Log(u);
    }

    private static double LogP1(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
