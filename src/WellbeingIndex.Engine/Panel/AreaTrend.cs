using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Panel;

/// <summary>
/// COINr <c>get_trends</c> CAGR for one area and node: the compound annual growth rate between the first and latest
/// periods with a value in the span, (last/first)^(1/(t_last − t_first)) − 1 with t in years. NaN (with
/// <see cref="Reason"/>) when fewer than two periods have a value or the first value is not positive.
/// </summary>
public sealed record AreaTrend(string AreaCode, string Node, ReferencePeriod? First, ReferencePeriod? Last,
    double FirstValue, double LastValue, int Points, double Cagr, string? Reason);
