using WellbeingIndex.Abstractions;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// <c>GET /api/frameworks/{id}/areas/{areaCode}/history</c>: one area's scores in every period of the latest published
/// series, comparable across periods by the time mode (and base) stated here.
/// </summary>
/// <param name="FrameworkId">The framework.</param>
/// <param name="AreaCode">GSS code.</param>
/// <param name="AreaName">Display name.</param>
/// <param name="SeriesId">The published series the scores come from.</param>
/// <param name="TimeMode">per-period, pooled or base-period.</param>
/// <param name="Base">The base period in base-period mode; null otherwise.</param>
/// <param name="Periods">Oldest first.</param>
public sealed record AreaHistory(string FrameworkId, string AreaCode, string AreaName, string SeriesId, string TimeMode, string? Base,
    IReadOnlyList<AreaHistory.Entry> Periods)
{
    /// <summary>The area's scores at one period of the series.</summary>
    public sealed record Entry(ReferencePeriod Period, IReadOnlyList<NodeScore> Scores);
}
