using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Tests.Pipeline;

public class DenominateScreenTests
{
    // Four units, three indicators; 'flights' is per head (denominator pop), 'gdp' is a plain indicator.
    //        flights  gdp   trees  pop
    //   A      100     10     0     50
    //   B       90    NaN   NaN     30
    //   C       40      0     0      0   (zero denominator)
    //   D      NaN     20     5     10
    private static IndicatorData Data() => new(["A", "B", "C", "D"], new Dictionary<string, double[]>
    {
        ["flights"] = [100, 90, 40, double.NaN],
        ["gdp"] = [10, double.NaN, 0, 20],
        ["trees"] = [0, double.NaN, 0, 5],
        ["pop"] = [50, 30, 0, 10],
    });

    private static IndexDefinition Definition(params StepDefinition[] steps) => IndexDefinition.Create("t",
    [
        new NodeDefinition { Code = "flights", Type = NodeType.Indicator, Parent = "index", Denominator = "pop" },
        new NodeDefinition { Code = "gdp", Type = NodeType.Indicator, Parent = "index" },
        new NodeDefinition { Code = "trees", Type = NodeType.Indicator, Parent = "index" },
        new NodeDefinition { Code = "index", Type = NodeType.Aggregate },
    ], [.. steps, new StepDefinition(StepNames.Aggregate, new MethodSpec("amean"))]);

    private static StepDefinition Screen(string rule, params (string Name, double Value)[] numbers) =>
        new(StepNames.Screen, new MethodSpec(StepNames.Screen, numbers.ToDictionary(n => n.Name, n => n.Value), new Dictionary<string, string> { ["unit_screen"] = rule }));

    [Fact]
    public void Denominate_divides_by_the_same_units_denominator()
    {
        var result = IndexPipeline.Run(Definition(new StepDefinition(StepNames.Denominate, new MethodSpec(StepNames.Denominate))), Data());

        var flights = result.Table(ResultTable.Denominated).Column("flights").ToArray();
        // A 100/50 = 2; B 90/30 = 3; C 40/0 → missing (never Inf); D NaN/10 → missing.
        Assert.Equal(2, flights[0]);
        Assert.Equal(3, flights[1]);
        Assert.True(double.IsNaN(flights[2]));
        Assert.True(double.IsNaN(flights[3]));
        // gdp has no denominator: unchanged.
        Assert.Equal(10, result.Table(ResultTable.Denominated).Column("gdp")[0]);
    }

    [Fact]
    public void Screen_byNA_removes_units_below_the_threshold_from_every_table()
    {
        var result = IndexPipeline.Run(Definition(Screen(Screening.ByNA, ("dat_thresh", 0.5))), Data());

        // Availability: A 3/3, B 1/3 (< 0.5: out), C 3/3, D 2/3.
        Assert.Equal(["B"], result.Screening!.RemovedUnits.ToArray());
        Assert.Equal(1.0 / 3, result.Screening.Availability["B"], 12);
        Assert.Equal(["A", "C", "D"], result.AreaCodes.ToArray());
        Assert.Equal([100, 40, double.NaN], result.Table(ResultTable.Raw).Column("flights").ToArray());
        Assert.Equal(3, result.Index.Scores.Length);
    }

    [Fact]
    public void Screen_byzeros_uses_the_share_of_present_values_that_are_not_zero()
    {
        // Non-zero share of present values: A 2/3 (trees 0), B 1/1, C 1/3 (gdp 0, trees 0), D 2/2.
        var result = IndexPipeline.Run(Definition(Screen(Screening.ByZeros, ("nonzero_thresh", 0.5))), Data());
        Assert.Equal(["C"], result.Screening!.RemovedUnits.ToArray());

        // byNAandzeros with dat_thresh 0.5 removes B (data) and C (zeros).
        var both = IndexPipeline.Run(Definition(Screen(Screening.ByNAAndZeros, ("dat_thresh", 0.5), ("nonzero_thresh", 0.5))), Data());
        Assert.Equal(["B", "C"], both.Screening!.RemovedUnits.ToArray());
    }

    [Fact]
    public void Force_overrides_the_rule()
    {
        var spec = new MethodSpec(StepNames.Screen, new Dictionary<string, double> { ["dat_thresh"] = 0.5 },
            new Dictionary<string, string> { ["force_in"] = "B", ["force_out"] = "A" });
        var result = IndexPipeline.Run(Definition(new StepDefinition(StepNames.Screen, spec)), Data());

        Assert.Equal(["A"], result.Screening!.RemovedUnits.ToArray());
        Assert.Equal(["B", "C", "D"], result.AreaCodes.ToArray());
    }

    [Fact]
    public void Steps_run_in_the_order_listed_screening_after_imputation_removes_nothing()
    {
        var result = IndexPipeline.Run(Definition(
            new StepDefinition(StepNames.Impute, new MethodSpec("mean")),
            Screen(Screening.ByNA, ("dat_thresh", 0.9))), Data());

        Assert.Empty(result.Screening!.RemovedUnits);
        Assert.Equal(["raw", "imputed", "screened", "aggregated"], result.Tables.Select(t => t.Name).ToArray());
    }

    [Fact]
    public void Json_steps_without_method_and_forced_lists_round_trip()
    {
        const string json = """
            {"id": "t", "steps": [
              {"step": "denominate"},
              {"step": "screen", "unit_screen": "byNA", "dat_thresh": 0.66, "force_in": ["B"]},
              {"step": "aggregate", "method": "amean"}],
             "nodes": [
              {"code": "flights", "type": "indicator", "parent": "index", "denominator": "pop"},
              {"code": "gdp", "type": "indicator", "parent": "index"},
              {"code": "index", "type": "aggregate", "parent": null}]}
            """;
        var definition = IndexDefinitionJson.Read(json);
        Assert.Equal(["denominate", "screen", "aggregate"], definition.Steps.Select(s => s.Step).ToArray());
        Assert.Equal("pop", definition["flights"].Denominator);

        var again = IndexDefinitionJson.ToJson(definition);
        Assert.Equal("B", (string?)again["steps"]![1]!["force_in"]![0]);
        Assert.Null(again["steps"]![0]!["method"]);
        Assert.Equal(IndexDefinitionJson.ToJson(IndexDefinitionJson.Read(again.ToString())).ToString(), again.ToString());
    }

    [Theory]
    [InlineData("""{"step": "screen", "unit_screen": "byNAs"}""", "$.steps[0].unit_screen")]
    [InlineData("""{"step": "screen", "dat_thresh": 1.5}""", "$.steps[0].dat_thresh")]
    [InlineData("""{"step": "screen", "force_in": [1]}""", "$.steps[0].force_in")]
    [InlineData("""{"step": "denominate", "method": "x"}""", "$.steps[0].method")]
    [InlineData("""{"step": "denominate", "scale": 2}""", "$.steps[0].scale")]
    public void Bad_step_parameters_are_reported_at_their_path(string step, string path)
    {
        var json = $$"""
            {"id": "t", "steps": [{{step}}, {"step": "aggregate", "method": "amean"}],
             "nodes": [{"code": "a", "type": "indicator", "parent": "index", "denominator": "pop"}, {"code": "index", "type": "aggregate", "parent": null}]}
            """;
        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json));
        Assert.Contains(e.Problems, p => p.Path == path);
    }
}
