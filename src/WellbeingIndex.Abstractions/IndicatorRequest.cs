namespace WellbeingIndex.Abstractions;

/// <summary>
/// Values for <see cref="AreaCodes"/> at <see cref="Period"/>: for each area the latest value whose period ends at or
/// before the end of <see cref="Period"/>. The answer records the period used, so staleness stays visible.
/// </summary>
public sealed record IndicatorRequest
{
    /// <summary>Asks for <paramref name="areaCodes"/> (at least one) at <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentException">No area code is given.</exception>
    public IndicatorRequest(IReadOnlyList<string> areaCodes, ReferencePeriod period)
    {
        ArgumentNullException.ThrowIfNull(areaCodes);
        if (areaCodes.Count == 0)
        {
            throw new ArgumentException("At least one area code is required.", nameof(areaCodes));
        }

        AreaCodes = areaCodes;
        Period = period;
    }

    /// <summary>GSS codes of the areas wanted; the answer keeps this order.</summary>
    public IReadOnlyList<string> AreaCodes { get; }

    /// <summary>The period asked for: the latest value ending at or before its end is answered.</summary>
    public ReferencePeriod Period { get; }
}
