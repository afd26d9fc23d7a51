namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>Ranks, as COINr <c>n_rank</c> (R <c>rank(ties.method = "min")</c>): the best of n present areas gets n.</summary>
public sealed class RankNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "rank";

    public string Description => "Rank: y = 1 + number of present values below v (ties share the minimum rank; best of n gets n).";

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
        ColumnStatistics.RanksAgainst(parameters.Reference, values, output, static (rank, _) => rank);
    }

    public void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        ColumnStatistics.MinRanks(values, output, static (rank, _) => rank);
    }
}
