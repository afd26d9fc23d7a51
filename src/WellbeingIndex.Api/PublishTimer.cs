using NodaTime;

namespace WellbeingIndex.Api;

/// <summary>
/// The standalone server's in-process publish timer as health reports it. The function app registers none: there the
/// Functions host runs the <c>PublishIndex</c> timer.
/// </summary>
/// <param name="NextPublish">When it publishes next; null when switched off or never again.</param>
public sealed record PublishTimer(Func<Instant?> NextPublish);
