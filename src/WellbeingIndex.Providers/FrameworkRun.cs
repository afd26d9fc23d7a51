using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Providers;

/// <summary>
/// One computation of a framework from its providers: the engine's result plus, for every indicator and area, the raw
/// value the provider gave with the period it actually refers to and its status, and each indicator's provenance.
/// </summary>
/// <param name="Framework">The framework (its definition may be a what-if variant).</param>
/// <param name="Period">The period asked for; each value's own period is in <paramref name="Values"/>.</param>
/// <param name="Result">Scores, ranks and every intermediate table.</param>
/// <param name="Values">Indicator code → one value per area, in the order of <c>Result.AreaCodes</c>.</param>
/// <param name="Metadata">Indicator code → the provider's metadata (publisher, dataset, URL, licence).</param>
/// <param name="ComputedAt">When the run was computed.</param>
public sealed record FrameworkRun(
    Framework Framework,
    ReferencePeriod Period,
    IndexResult Result,
    IReadOnlyDictionary<string, IReadOnlyList<IndicatorValue>> Values,
    IReadOnlyDictionary<string, IndicatorMetadata> Metadata,
    Instant ComputedAt);
