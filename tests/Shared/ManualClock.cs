using NodaTime;

namespace WellbeingIndex.Tests;

/// <summary>A clock the test sets (NodaTime.Testing is not available here).</summary>
internal sealed class ManualClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
