namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// Brings one indicator onto a common scale where higher is better, in two parts so that scores stay comparable over
/// time: <see cref="Fit"/> learns the parameters from a reference set (one period, every period pooled, or a base
/// period) and <see cref="Apply"/> applies them to any column. <see cref="Normalise"/> fits on the column itself.
/// </summary>
public interface INormaliser : IMethod
{
    /// <summary>
    /// Learns the parameters from <paramref name="reference"/> (already multiplied by the indicator's direction; NaN =
    /// missing, skipped). <paramref name="weights"/> is empty or one non-negative weight per reference value; only
    /// methods with a weighted statistic (z-score's mean and sd) use it.
    /// </summary>
    FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context);

    /// <summary>
    /// Writes the normalised <paramref name="values"/> to <paramref name="output"/> (same length, may be the same memory)
    /// with parameters from <see cref="Fit"/>. Values outside the reference's range are not truncated: a later period
    /// may score beyond the base period's best.
    /// </summary>
    void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context);

    /// <summary>
    /// Writes the normalised <paramref name="values"/> to <paramref name="output"/> (same length), fitting on the values
    /// themselves. The values are already multiplied by the indicator's direction; NaN means missing and stays NaN. The
    /// two spans may be the same memory (the pipeline normalises in place).
    /// </summary>
    void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context) =>
        Apply(Fit(values, default, spec, context), values, output, spec, context);
}
