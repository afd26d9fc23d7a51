namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// <c>GET /api/health/ready</c>: whether the app can serve its data: <c>ready</c> (200) or <c>not-ready</c> (503), with
/// each check (<c>storage</c>, <c>data</c>) saying what it found.
/// </summary>
public sealed record Readiness(string Status, IReadOnlyList<ReadinessCheck> Checks);

/// <summary>One readiness check: its name, <c>ok</c> or <c>failed</c>, and what it found.</summary>
public sealed record ReadinessCheck(string Name, string Status, string Detail);
