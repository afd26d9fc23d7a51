using NodaTime;

namespace WellbeingIndex.Functions.Tests.Storage;

/// <summary>A clock the test sets (NodaTime.Testing is not available here).</summary>
internal sealed class ManualClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
