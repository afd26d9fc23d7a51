namespace WellbeingIndex.Api.Contracts;

/// <summary><c>GET /api/frameworks/{id}/areas/{areaCode}/history</c>: one area's scores in every published run.</summary>
public sealed record AreaHistory(string FrameworkId, string AreaCode, string AreaName, IReadOnlyList<RunDocument.HistoryEntry> Runs);
