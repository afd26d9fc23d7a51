using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>One published cell: an area's value (or the publisher's reason for not giving one) for one period.</summary>
public readonly record struct Observation(ReferencePeriod Period, double? Value, ValueStatus Status, string? Reason)
{
    public static Observation Ok(ReferencePeriod period, double value) => new(period, value, ValueStatus.Ok, null);
}
