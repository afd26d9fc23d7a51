using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Api.Contracts;

/// <summary>One provider in <c>GET /api/indicators</c>: provenance, periods with data, and the framework nodes using it.</summary>
public sealed record IndicatorSummary(IndicatorMetadata Metadata, IReadOnlyList<string> Periods, IReadOnlyList<IndicatorUse> UsedBy);

/// <summary>A framework indicator node fed by a provider.</summary>
public sealed record IndicatorUse(string Framework, string Indicator);
