using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Api.Compute;

/// <summary>A what-if change to one node: its weight, its normalisation (indicators) or its aggregation (aggregates).</summary>
public sealed record NodeOverride(double? Weight, MethodSpec? Normalise, MethodSpec? Aggregate);
