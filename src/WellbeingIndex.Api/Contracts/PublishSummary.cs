using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Contracts;

/// <summary><c>POST /api/frameworks/{id}/publish</c>: the run now latest.</summary>
public sealed record PublishSummary(string FrameworkId, string RunId, ReferencePeriod Period, Instant ComputedAt, Instant PublishedAt,
    int AreaCount, int IndicatorCount)
{
    public static PublishSummary From(PublishedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.FrameworkId, run.RunId, run.Period, run.ComputedAt, run.PublishedAt, run.AreaCount, run.IndicatorCount);
    }
}
