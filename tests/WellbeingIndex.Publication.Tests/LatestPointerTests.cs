using NodaTime;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Publication.Tests;

public sealed class LatestPointerTests
{
    [Fact]
    public void The_later_computed_run_wins_and_ties_go_to_the_greater_run_id()
    {
        var noon = Instant.FromUtc(2024, 6, 1, 12, 0);

        Assert.True(LatestPointer.ShouldReplace(noon, "2023-b", noon + Duration.FromSeconds(1), "2023-a"));
        Assert.False(LatestPointer.ShouldReplace(noon, "2023-a", noon - Duration.FromSeconds(1), "2023-b"));
        Assert.True(LatestPointer.ShouldReplace(noon, "2023-a", noon, "2023-b"));
        Assert.False(LatestPointer.ShouldReplace(noon, "2023-b", noon, "2023-a"));
    }
}
