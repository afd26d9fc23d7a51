using NodaTime;
using NodaTime.Text;
using WellbeingIndex.Server;

namespace WellbeingIndex.Functions.Tests.Server;

public class PublishScheduleTests
{
    private static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    // UK clocks in 2026: forward 01:00 GMT -> 02:00 BST on Sun 29 March; back 02:00 BST -> 01:00 GMT on Sun 25 October.
    [Theory]
    [InlineData("2026-03-28T07:00:00Z", "2026-03-29T05:00:00Z")] // 06:00 BST on the change day is 05:00 UTC
    [InlineData("2026-03-29T05:00:00Z", "2026-03-30T05:00:00Z")] // strictly after: the 06:00 just run is not repeated
    [InlineData("2026-10-24T07:00:00Z", "2026-10-25T06:00:00Z")] // 06:00 GMT after the change is 06:00 UTC
    [InlineData("2026-10-24T04:59:59Z", "2026-10-24T05:00:00Z")] // still BST the day before
    [InlineData("2026-01-15T12:00:00Z", "2026-01-16T06:00:00Z")] // winter: London = UTC
    public void Next_six_oclock_in_London_follows_the_clock_changes(string now, string expected)
    {
        var schedule = new PublishSchedule("0 0 6 * * *", PublishSchedule.London);
        Assert.Equal(At(expected), schedule.NextAfter(At(now)));
    }

    [Fact]
    public void A_time_skipped_in_spring_runs_straight_after_the_gap()
    {
        // 01:30 does not exist on 29 March 2026; lenient resolution shifts it by the gap: 02:30 BST = 01:30 UTC.
        var schedule = new PublishSchedule("0 30 1 * * *", PublishSchedule.London);
        Assert.Equal(At("2026-03-29T01:30:00Z"), schedule.NextAfter(At("2026-03-28T12:00:00Z")));
    }

    [Fact]
    public void A_time_repeated_in_autumn_runs_once()
    {
        // 01:30 happens twice on 25 October 2026: 00:30 UTC (BST) and 01:30 UTC (GMT). Only the first fires.
        var schedule = new PublishSchedule("0 30 1 * * *", PublishSchedule.London);
        var first = schedule.NextAfter(At("2026-10-24T12:00:00Z"));
        Assert.Equal(At("2026-10-25T00:30:00Z"), first);
        Assert.Equal(At("2026-10-26T01:30:00Z"), schedule.NextAfter(first!.Value));
        // Even when asked during the repeated hour, before the second 01:30.
        Assert.Equal(At("2026-10-26T01:30:00Z"), schedule.NextAfter(At("2026-10-25T01:10:00Z")));
    }

    [Fact]
    public void A_five_field_expression_is_refused_with_the_expected_form()
    {
        var e = Assert.Throws<FormatException>(() => new PublishSchedule("0 6 * * *", PublishSchedule.London));
        Assert.Contains("0 6 * * *", e.Message);
        Assert.Contains("six-field", e.Message);
    }
}
