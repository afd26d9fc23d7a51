namespace WellbeingIndex.Abstractions;

/// <summary>
/// One area's value, with the period it actually refers to (which may be earlier than the one asked for) and its status.
/// </summary>
/// <param name="AreaCode">GSS code of the area.</param>
/// <param name="Value">The value; null unless <paramref name="Status"/> allows one (Ok or Unreliable).</param>
/// <param name="Period">The period the value refers to; null when the source has nothing at or before the requested period.</param>
/// <param name="Status">Usable or why not.</param>
/// <param name="Reason">
/// The publisher's reason for a non-Ok status (for example "ONS: estimate unreliable, CV &gt; 20%"), or a caveat on a usable
/// value that a reader must see (for example a value the publisher gives for Hackney and City of London combined).
/// </param>
public sealed record IndicatorValue(string AreaCode, double? Value, ReferencePeriod? Period, ValueStatus Status, string? Reason = null)
{
    /// <summary>The publisher's 95% confidence interval, when it publishes one; null otherwise.</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>A usable value for <paramref name="areaCode"/> referring to <paramref name="period"/>.</summary>
    public static IndicatorValue Ok(string areaCode, double value, ReferencePeriod period) =>
        new(areaCode, value, period, ValueStatus.Ok);

    /// <summary>No usable value, with the status and the publisher's <paramref name="reason"/>.</summary>
    public static IndicatorValue Missing(string areaCode, ValueStatus status, string reason, ReferencePeriod? period = null) =>
        new(areaCode, null, period, status, reason);
}
