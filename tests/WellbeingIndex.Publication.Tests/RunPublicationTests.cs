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

    [Fact]
    public void Republishing_after_an_engine_change_gives_a_new_run_id()
    {
        var run = TestRuns.Build();

        var before = RunPublication.From(run, [], "1.0.0.0/0123456789abcdef0123456789abcdef");
        var again = RunPublication.From(run, [], "1.0.0.0/0123456789abcdef0123456789abcdef");
        var fixedEngine = RunPublication.From(run, [], "1.0.0.0/fedcba9876543210fedcba9876543210");

        Assert.Equal(before.RunId, again.RunId);
        Assert.NotEqual(before.RunId, fixedEngine.RunId);
        Assert.Equal("1.0.0.0/fedcba9876543210fedcba9876543210", fixedEngine.Engine);
        // By default the fingerprint is the engine assembly's: its version and module version id (new with each change of its code).
        var engine = typeof(WellbeingIndex.Engine.Pipeline.IndexPipeline).Assembly;
        Assert.Equal($"{engine.GetName().Version}/{engine.ManifestModule.ModuleVersionId:N}", RunPublication.From(run).Engine);
        Assert.Equal(RunPublication.From(run, [], RunPublication.From(run).Engine).RunId, RunPublication.From(run).RunId);
    }

    [Fact]
    public void A_recipe_change_gives_a_new_run_id()
    {
        var run = TestRuns.Build();
        var zscores = run.Result.Definition.Steps.Select(s => s.Step == "normalise" ? s with { Method = WellbeingIndex.Engine.Methods.MethodSpec.Of("zscore") } : s);
        var changed = WellbeingIndex.Engine.Definition.IndexDefinition.Create(run.Result.Definition.Id, run.Result.Definition.Nodes, [.. zscores]);
        var result = WellbeingIndex.Engine.Pipeline.IndexPipeline.Run(changed, run.Result.Input);

        Assert.NotEqual(RunPublication.From(run).RunId, RunPublication.From(run with { Result = result }).RunId);
    }
}
