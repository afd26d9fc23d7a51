using NodaTime;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Publication;

/// <summary>
/// A published series as readers see it: a framework's periods computed together so their scores are comparable, with
/// the time mode and base that make them so. Instants are kept to whole milliseconds.
/// </summary>
/// <param name="FrameworkId">The framework.</param>
/// <param name="SeriesId">Derived from the framework, definition (with its time block), periods and input values.</param>
/// <param name="TimeMode">per-period, pooled or base-period.</param>
/// <param name="Base">The base period (base-period mode); null otherwise.</param>
/// <param name="Periods">The periods, oldest first.</param>
/// <param name="ComputedAt">When the engine computed the series; decides which series is "latest".</param>
/// <param name="PublishedAt">When the series was marked complete.</param>
/// <param name="DefinitionJson">The definition as run (compact JSON).</param>
/// <param name="AreaCount">Areas per period.</param>
/// <param name="Status">Always <see cref="RunStatus.Complete"/> for series returned to readers.</param>
public sealed record PublishedSeries(
    string FrameworkId,
    string SeriesId,
    string TimeMode,
    string? Base,
    IReadOnlyList<ReferencePeriod> Periods,
    Instant ComputedAt,
    Instant PublishedAt,
    string DefinitionJson,
    int AreaCount,
    RunStatus Status)
{
    public ReferencePeriod From => Periods[0];

    public ReferencePeriod To => Periods[^1];

    /// <summary>Records compare their lists by reference; two reads of the same series are equal.</summary>
    public bool Equals(PublishedSeries? other) =>
        other is not null && FrameworkId == other.FrameworkId && SeriesId == other.SeriesId && TimeMode == other.TimeMode && Base == other.Base
        && Periods.SequenceEqual(other.Periods) && ComputedAt == other.ComputedAt && PublishedAt == other.PublishedAt
        && DefinitionJson == other.DefinitionJson && AreaCount == other.AreaCount && Status == other.Status;

    public override int GetHashCode() => HashCode.Combine(FrameworkId, SeriesId, ComputedAt);
}
