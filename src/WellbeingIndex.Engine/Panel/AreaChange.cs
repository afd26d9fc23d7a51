using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Panel;

/// <summary>
/// One area's score on one node in one period, with its change since the base period and since the area's previous
/// period, and its rank movement (previous rank − rank: positive = moved up). For an indicator, the raw value's change
/// since the previous period and whether it exceeds the noise: <see cref="Significant"/> is true when the two periods'
/// confidence intervals do not overlap, false when they do, null when either has none.
/// Missing numbers are NaN; a missing rank is 0 and a missing movement null.
/// </summary>
public sealed record AreaChange(
    string AreaCode,
    string Node,
    ReferencePeriod Period,
    double Score,
    double SinceBase,
    double SincePrevious,
    int Rank,
    int? RankMovement,
    double RawSincePrevious,
    bool? Significant);
