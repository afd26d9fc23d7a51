namespace WellbeingIndex.Api.Contracts;

/// <summary>One entry of <c>GET /api/frameworks</c>.</summary>
public sealed record FrameworkSummary(string Id, string? Name, string? Description, int AreaCount, int IndicatorCount);
