using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// One published cell: an area's value (or the publisher's reason for not giving one) for one period. A usable value may
/// carry a reason too: a caveat the reader must see, such as a value published for a combined area.
/// </summary>
public readonly record struct Observation(ReferencePeriod Period, double? Value, ValueStatus Status, string? Reason)
{
    /// <summary>The publisher's 95% confidence interval, when it gives one.</summary>
    public ConfidenceInterval? Interval { get; init; }

    public static Observation Ok(ReferencePeriod period, double value) => new(period, value, ValueStatus.Ok, null);
}
