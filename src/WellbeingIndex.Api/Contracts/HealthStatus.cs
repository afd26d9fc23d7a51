using NodaTime;

namespace WellbeingIndex.Api.Contracts;

/// <summary><c>GET /api/health</c>: the process is up, where it runs and stores, and when the in-process timer fires next.</summary>
public sealed record HealthStatus(string Status, string? Version, string Host, string Store, IReadOnlyList<string> PublishedFrameworks,
    ZonedDateTime? NextScheduledPublish);
