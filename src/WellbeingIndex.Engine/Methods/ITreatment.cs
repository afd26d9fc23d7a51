namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// Treats outliers of one indicator in place (raw units, before direction is applied). <see cref="Treat"/> decides on the
/// column itself; over time, <see cref="Fit"/> decides on a reference set (every period pooled, or the base period) and
/// <see cref="Apply"/> treats any column the same way, so a later period's outlier is judged by the same thresholds.
/// </summary>
public interface ITreatment : IMethod
{
    TreatmentOutcome Treat(Span<double> column, MethodSpec spec, ColumnContext context);

    /// <summary>What treating <paramref name="reference"/> decides (clip bounds, a log shift); a fixed method needs nothing.</summary>
    FittedParameters Fit(ReadOnlySpan<double> reference, MethodSpec spec, ColumnContext context) => FittedParameters.None;

    /// <summary>Treats <paramref name="column"/> with parameters from <see cref="Fit"/>; a fixed method treats it as given.</summary>
    TreatmentOutcome Apply(FittedParameters parameters, Span<double> column, MethodSpec spec, ColumnContext context) =>
        Treat(column, spec, context);
}

/// <summary>What a treatment did to one indicator, so the run's log shows every changed value.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Method">Treatment method name.</param>
/// <param name="ClippedLow">Number of points clipped up to a lower bound.</param>
/// <param name="ClippedHigh">Number of points clipped down to an upper bound.</param>
/// <param name="LogTransformed">True when winsorisation gave up and a log transform was applied instead.</param>
/// <param name="Note">Skewness and kurtosis before and after, or why nothing was done.</param>
public sealed record TreatmentOutcome(string Indicator, string Method, int ClippedLow, int ClippedHigh, bool LogTransformed, string Note)
{
    public static TreatmentOutcome Untouched(string indicator, string method, string note) => new(indicator, method, 0, 0, false, note);
}
