namespace WellbeingIndex.Abstractions;

/// <summary>
/// Values for <see cref="AreaCodes"/> at <see cref="Period"/>: for each area the latest value whose period ends at or
/// before the end of <see cref="Period"/>. The answer records the period used, so staleness stays visible.
/// </summary>
public sealed record IndicatorRequest
{
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

    public IReadOnlyList<string> AreaCodes { get; }

    public ReferencePeriod Period { get; }
}
