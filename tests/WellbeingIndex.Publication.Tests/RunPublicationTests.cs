using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Publication.Tests;

public sealed class RunPublicationTests
{
    [Fact]
    public void Values_that_do_not_match_the_areas_are_rejected_naming_the_indicator()
    {
        var run = TestRuns.Build();
        var shortRent = new Dictionary<string, IReadOnlyList<IndicatorValue>>(run.Values) { ["rent"] = run.Values["rent"].Take(3).ToList() };
        var noRent = run.Values.Where(kv => kv.Key != "rent").ToDictionary();
        var swapped = new Dictionary<string, IReadOnlyList<IndicatorValue>>(run.Values) { ["pay"] = run.Values["pay"].Reverse().ToList() };

        Assert.Equal("Indicator 'rent' has 3 values for 4 areas. (Parameter 'run')",
            Assert.Throws<ArgumentException>(() => RunPublication.From(run with { Values = shortRent })).Message);
        Assert.Equal("The run has no values for indicator 'rent'. (Parameter 'run')",
            Assert.Throws<ArgumentException>(() => RunPublication.From(run with { Values = noRent })).Message);
        Assert.Equal("Indicator 'pay' value 1 is for area 'E09000004', expected 'E09000001'. (Parameter 'run')",
            Assert.Throws<ArgumentException>(() => RunPublication.From(run with { Values = swapped })).Message);
    }

    [Fact]
    public void The_run_id_covers_status_and_reason_not_only_numbers()
    {
        var run = TestRuns.Build();
        var values = run.Values["benefits"].ToList();
        values[2] = values[2] with { Reason = "Publisher: another reason" };
        var reworded = run with { Values = new Dictionary<string, IReadOnlyList<IndicatorValue>>(run.Values) { ["benefits"] = values } };

        Assert.NotEqual(RunPublication.From(run).RunId, RunPublication.From(reworded).RunId);
        Assert.Matches("^2023-[0-9a-f]{16}$", RunPublication.From(run).RunId);
        Assert.Matches("^2023-24-[0-9a-f]{16}$", RunPublication.From(run with { Period = ReferencePeriod.ForFinancialYear(2023) }).RunId);
    }

    [Fact]
    public void Instants_are_kept_to_the_millisecond()
    {
        var precise = Instant.FromUtc(2024, 6, 1, 12, 0) + Duration.FromTicks(12_345);

        Assert.Equal(Instant.FromUtc(2024, 6, 1, 12, 0) + Duration.FromMilliseconds(1), RunPublication.Truncate(precise));
        Assert.Equal(RunPublication.Truncate(precise), RunPublication.From(TestRuns.Build(computedAt: precise)).ComputedAt);
    }
}
