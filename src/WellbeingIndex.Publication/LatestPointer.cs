using NodaTime;

namespace WellbeingIndex.Publication;

/// <summary>
/// The rule for switching a framework's "latest" pointer: the run computed later wins, whatever order publishers finish
/// in; equal computation times are settled by run id so every publisher reaches the same answer.
/// </summary>
internal static class LatestPointer
{
    public static bool ShouldReplace(Instant currentComputedAt, string currentRunId, Instant candidateComputedAt, string candidateRunId) =>
        candidateComputedAt != currentComputedAt
            ? candidateComputedAt > currentComputedAt
            : string.CompareOrdinal(candidateRunId, currentRunId) > 0;
}
