using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Tests.Pipeline;

public class IndexPipelineTests
{
    private const double Tol = 1e-9;

    [Fact]
    public void Computes_the_hand_worked_example()
    {
        var result = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());

        // min-max to 0..100 on v = x × direction:
        //   pay   400,500,600,800        -> (x-400)/400·100          = 0, 25, 50, 100
        //   rent  v = -900,-1000,-1200,– -> (v+1200)/300·100         = 100, 66.667, 0, missing
        //   parks 20,30,10,40            -> (x-10)/30·100            = 33.333, 66.667, 0, 100
        AssertColumn([0, 25, 50, 100], result["pay"].Scores);
        AssertColumn([100, 200.0 / 3, 0, double.NaN], result["rent"].Scores);
        // income = (2·pay + rent)/3, D has no rent: weights re-normalised -> pay alone
        //   A (0+100)/3 = 33.333, B (50+66.667)/3 = 38.889, C (100+0)/3 = 33.333, D 100
        AssertColumn([100.0 / 3, (50 + 200.0 / 3) / 3, 100.0 / 3, 100], result["income"].Scores);
        AssertColumn([1, 1, 1, 0.5], result["income"].Coverage);
        // index = (income + green)/2: A 33.333, B (38.889+66.667)/2 = 52.778, C 16.667, D 100
        AssertColumn([100.0 / 3, ((50 + 200.0 / 3) / 3 + 200.0 / 3) / 2, 50.0 / 3, 100], result.Index.Scores);
        Assert.Equal([3, 2, 4, 1], result.Index.Ranks.ToArray());
        // 4 scored areas: decile = ceil(10·rank/4) -> 8, 5, 10, 3
        Assert.Equal([8, 5, 10, 3], result.Index.Deciles.ToArray());
        Assert.Equal([4, 3, 5, 2], result.Index.Quintiles.ToArray());
    }

    [Fact]
    public void Below_minimum_coverage_an_aggregate_is_missing_and_its_parent_re_normalises()
    {
        var definition = IndexDefinition.Create("four", Examples.Nodes(incomeMinCoverage: 0.75), [Examples.MinMax(), Examples.Mean()]);

        var result = IndexPipeline.Run(definition, Examples.FourAreas());

        // D has 1 of 2 income children (0.5 < 0.75): income missing, index = green alone = 100.
        Assert.True(double.IsNaN(result["income"].Scores[3]));
        Assert.Equal(100, result.Index.Scores[3], Tol);
        Assert.Equal(0.5, result.Index.Coverage[3], Tol);
        Assert.Equal(0, result["income"].Ranks[3]);
    }

    [Fact]
    public void An_area_exactly_at_the_minimum_coverage_keeps_its_score()
    {
        // 5 of 6 children present with minCoverage 5/6: in floating point 5 × (1/6) < 5/6, so coverage must be 5/6 exactly.
        var nodes = Enumerable.Range(1, 6).Select(k => new NodeDefinition { Code = $"i{k}", Type = NodeType.Indicator, Parent = "index" })
            .Append(new NodeDefinition { Code = "index", Type = NodeType.Aggregate, MinCoverage = 5.0 / 6 }).ToList();
        var data = new Engine.Data.IndicatorData(["A", "B"], Enumerable.Range(1, 6).ToDictionary(
            k => $"i{k}", k => k == 6 ? new[] { 1.0, double.NaN } : new[] { 1.0, 2.0 }));

        var result = IndexPipeline.Run(IndexDefinition.Create("c", nodes, [Examples.MinMax(), Examples.Mean()]), data);

        Assert.Equal(5.0 / 6, result.Index.Coverage[1]);
        Assert.Equal(100, result.Index.Scores[1], Tol); // B is best on i1..i5 (100 each) and has no i6
    }

    [Fact]
    public void Keeps_every_intermediate_table_in_recipe_order()
    {
        var definition = Examples.Definition(new StepDefinition(StepNames.Impute, new MethodSpec("mean")), Examples.MinMax(), Examples.Mean());

        var result = IndexPipeline.Run(definition, Examples.FourAreas());

        Assert.Equal([ResultTable.Raw, ResultTable.Imputed, ResultTable.Normalised, ResultTable.Aggregated], result.Tables.Select(t => t.Name));
        Assert.True(double.IsNaN(result.Table(ResultTable.Raw).Column("rent")[3]));
        // mean of 900, 1000, 1200 = 1033.333; normalised (−1033.333 + 1200)/300·100 = 55.556
        Assert.Equal(3100.0 / 3, result.Table(ResultTable.Imputed).Column("rent")[3], Tol);
        Assert.Equal((1200 - 3100.0 / 3) / 3, result.Table(ResultTable.Normalised).Column("rent")[3], Tol);
        Assert.Equal(1, result.ImputedCounts["rent"]);
        Assert.Equal(0, result.ImputedCounts["pay"]);
        Assert.Equal(["income", "green", "index"], result.Table(ResultTable.Aggregated).Codes);
    }

    [Fact]
    public void The_input_data_is_never_modified()
    {
        var data = Examples.FourAreas();
        var definition = Examples.Definition(new StepDefinition(StepNames.Impute, new MethodSpec("mean")), Examples.MinMax(), Examples.Mean());

        IndexPipeline.Run(definition, data);

        Assert.True(double.IsNaN(data.Column("rent")[3]));
        Assert.Equal([400, 500, 600, 800], data.Column("pay").ToArray());
    }

    [Fact]
    public void A_transform_runs_once_before_normalisation()
    {
        var nodes = Examples.Nodes().Select(n => n.Code == "pay" ? n with { Transform = new MethodSpec("log10") } : n).ToList();
        var definition = IndexDefinition.Create("t", nodes, [Examples.MinMax(), Examples.Mean()]);

        var result = IndexPipeline.Run(definition, Examples.FourAreas());

        // log10: 2.60206, 2.69897, 2.77815, 2.90309; min-max: B = (log10 500 − log10 400)/(log10 800 − log10 400)·100 = 32.193
        var expectedB = (Math.Log10(500) - Math.Log10(400)) / (Math.Log10(800) - Math.Log10(400)) * 100;
        Assert.Equal(expectedB, result["pay"].Scores[1], Tol);
        Assert.Equal(400, result.Table(ResultTable.Raw).Column("pay")[0]);
    }

    [Fact]
    public void An_indicator_can_override_the_treatment()
    {
        var nodes = Examples.Nodes().Select(n => n.Code == "parks" ? n with { Treat = new MethodSpec("none") } : n).ToList();
        var definition = IndexDefinition.Create("t", nodes,
            [new StepDefinition(StepNames.Treat, MethodSpec.Of("cap", ("upper", 25))), Examples.MinMax(), Examples.Mean()]);

        var result = IndexPipeline.Run(definition, Examples.FourAreas());

        // The step caps every indicator at 25 (pay 400–800 becomes 25 throughout) except parks, which keeps 30 and 40.
        Assert.Equal([25, 25, 25, 25], result.Table(ResultTable.Treated).Column("pay").ToArray());
        Assert.Equal([20, 30, 10, 40], result.Table(ResultTable.Treated).Column("parks").ToArray());
        Assert.Equal(["cap", "cap", "none"], result.Treatments.Select(t => t.Method));
    }

    [Fact]
    public void A_missing_column_names_the_indicators()
    {
        var data = new Engine.Data.IndicatorData(["A"], new Dictionary<string, double[]> { ["pay"] = [1] });

        var e = Assert.Throws<IndexComputationException>(() => IndexPipeline.Run(Examples.Definition(), data));

        Assert.Equal("The data has no column for 2 indicator(s) of 'four': rent, parks.", e.Message);
    }

    private static void AssertColumn(double[] expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"row {i}: expected missing, got {actual[i]}");
            }
            else
            {
                Assert.Equal(expected[i], actual[i], Tol);
            }
        }
    }
}
