namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Percentile ranks, as COINr <c>n_prank</c>: y = (rank − 1)/(n − 1) with min-ties ranks, so the worst area scores 0
/// and the best 1. COINr gives 0/0 = NaN when only one area is present; here that area scores 0, the value every
/// tied area gets in a constant column.
/// </summary>
public sealed class PercentileRankNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "prank";

    public string Description => "Percentile rank: y = (rank − 1)/(n − 1), rank with ties at the minimum, n = areas present.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    /// <summary>The sorted present reference values: a value's rank is 1 + the number of reference values below it.</summary>
    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return ColumnStatistics.RankParameters(reference);
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        ColumnStatistics.RanksAgainst(parameters.Reference, values, output, static (rank, n) => n == 1 ? 0 : (rank - 1) / (n - 1));
    }

    public void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        ColumnStatistics.MinRanks(values, output, static (rank, n) => n == 1 ? 0 : (rank - 1) / (n - 1));
    }
}
