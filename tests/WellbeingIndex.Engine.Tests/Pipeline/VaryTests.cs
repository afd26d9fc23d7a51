using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Tests.Pipeline;

/// <summary>
/// <see cref="IndexPipeline.Vary"/>: a variant of weights only is aggregated again from the run's indicator columns
/// (the what-if path of the API), and gives what a full run of the variant gives; any other variant is run in full.
/// </summary>
public class VaryTests
{
    private const double Tol = 1e-9;

    private static IndexDefinition Reweighted(IndexDefinition definition, params (string Code, double Weight)[] weights) =>
        definition.With(definition.Nodes.Select(n => weights.FirstOrDefault(w => w.Code == n.Code) is { Code: not null } w ? n with { Weight = w.Weight } : n).ToList(),
            definition.Steps.ToList(), definition.Levels.ToList());

    [Fact]
    public void A_weights_only_variant_re_aggregates_the_runs_indicator_columns()
    {
        var baseRun = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());
        var variant = Reweighted(baseRun.Definition, ("pay", 1), ("rent", 3), ("green", 3));

        var varied = IndexPipeline.Vary(baseRun, variant);

        // Normalised as in IndexPipelineTests: pay 0, 25, 50, 100; rent 100, 66.667, 0, missing; parks 33.333, 66.667, 0, 100.
        // income = (1·pay + 3·rent)/4: A 300/4 = 75, B (25 + 200)/4 = 56.25, C 50/4 = 12.5, D pay alone = 100
        Assert.Equal([75, 56.25, 12.5, 100], varied["income"].Scores.ToArray(), (a, b) => Math.Abs(a - b) < Tol);
        // index = (income + 3·green)/4: A (75 + 100)/4 = 43.75, B (56.25 + 200)/4 = 64.0625, C 12.5/4 = 3.125, D (100 + 300)/4 = 100
        Assert.Equal([43.75, 64.0625, 3.125, 100], varied.Index.Scores.ToArray(), (a, b) => Math.Abs(a - b) < Tol);
        Assert.Equal([3, 2, 4, 1], varied.Index.Ranks.ToArray());
        Assert.Equal([1, 1, 1, 0.5], varied["income"].Coverage.ToArray());
        Assert.Equal(1, varied.Weights["pay"]); // the explicit weight given (the base run used 2)
        Assert.Equal(3, varied.Weights["green"]);
        Assert.Same(variant, varied.Definition);
        // The data steps were not repeated: the indicator columns are the base run's.
        Assert.Same(baseRun["pay"].ScoreArray, varied["pay"].ScoreArray);
        Assert.Equal(3, varied["green"].Node.Weight);
    }

    [Fact]
    public void Aggregates_whose_descendants_kept_their_weights_keep_the_runs_scores()
    {
        var baseRun = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());
        var variant = Reweighted(baseRun.Definition, ("income", 3));

        var varied = IndexPipeline.Vary(baseRun, variant);

        // income's children kept their weights: its scores are the run's, not computed again.
        Assert.Same(baseRun["income"].ScoreArray, varied["income"].ScoreArray);
        Assert.Same(baseRun["green"].ScoreArray, varied["green"].ScoreArray);
        Assert.Equal(3, varied["income"].Node.Weight);
        // index = (3·income + green)/4: A (3·33.333 + 33.333)/4 = 33.333, B (3·38.889 + 66.667)/4 = 45.833,
        // C (3·33.333 + 0)/4 = 25, D (3·100 + 100)/4 = 100
        Assert.Equal([100.0 / 3, (3 * (50 + 200.0 / 3) / 3 + 200.0 / 3) / 4, 25, 100], varied.Index.Scores.ToArray(), (a, b) => Math.Abs(a - b) < Tol);
        Assert.Equal(3, varied.Weights["income"]);
        Assert.Equal(2, varied.Weights["pay"]); // income's children: the run's weights
        Assert.Equal(IndexPipeline.Run(variant, Examples.FourAreas()).Index.Scores.ToArray(), varied.Index.Scores.ToArray());
    }

    [Fact]
    public void A_weights_only_variant_equals_a_full_run_of_it_bit_for_bit()
    {
        var definition = Examples.Definition(new StepDefinition(StepNames.Impute, new MethodSpec("mean")), Examples.MinMax(), Examples.Mean());
        var baseRun = IndexPipeline.Run(definition, Examples.FourAreas());
        var variant = Reweighted(definition, ("pay", 0.5), ("income", 2.5));

        var varied = IndexPipeline.Vary(baseRun, variant);
        var full = IndexPipeline.Run(variant, Examples.FourAreas());

        foreach (var node in variant.Nodes)
        {
            Assert.Equal(full[node.Code].Scores.ToArray(), varied[node.Code].Scores.ToArray());
            Assert.Equal(full[node.Code].Ranks.ToArray(), varied[node.Code].Ranks.ToArray());
            Assert.Equal(full[node.Code].Coverage.ToArray(), varied[node.Code].Coverage.ToArray());
        }

        Assert.Equal(full.Weights, varied.Weights);
        Assert.Equal(full.Tables.Select(t => t.Name), varied.Tables.Select(t => t.Name));
        Assert.Equal(full.ImputedCounts, varied.ImputedCounts);
    }

    [Fact]
    public void Another_method_is_a_full_run()
    {
        var baseRun = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());
        var variant = Examples.Definition(Examples.MinMax(0, 10), Examples.Mean());

        var varied = IndexPipeline.Vary(baseRun, variant);

        // min-max to 0..10: pay 0, 2.5, 5, 10 (a tenth of the 0..100 columns)
        Assert.Equal([0, 2.5, 5, 10], varied["pay"].Scores.ToArray(), (a, b) => Math.Abs(a - b) < Tol);
        Assert.NotSame(baseRun["pay"].ScoreArray, varied["pay"].ScoreArray);
    }
}
