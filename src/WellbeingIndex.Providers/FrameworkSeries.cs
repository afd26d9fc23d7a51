using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Panel;

namespace WellbeingIndex.Providers;

/// <summary>
/// A framework computed over a span of periods as one comparable series: the panel result (time mode, base, fitted
/// parameters, one result per period) and, per period, every raw value with the period it actually refers to.
/// </summary>
/// <param name="Framework">The framework (its definition may be a what-if variant, with the time block used).</param>
/// <param name="Result">The panel run.</param>
/// <param name="Values">Per period (as <c>Result.Periods</c>): indicator code → one value per area.</param>
/// <param name="Metadata">Indicator code → the provider's metadata.</param>
/// <param name="ComputedAt">When the series was computed.</param>
public sealed record FrameworkSeries(
    Framework Framework,
    PanelResult Result,
    IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<IndicatorValue>>> Values,
    IReadOnlyDictionary<string, IndicatorMetadata> Metadata,
    Instant ComputedAt);
