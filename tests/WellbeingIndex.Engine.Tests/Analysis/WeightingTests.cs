using WellbeingIndex.Engine.Analysis;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;
using MathStats = MathNet.Numerics.Statistics;

namespace WellbeingIndex.Engine.Tests.Analysis;

public class WeightingTests
{
    // Eight areas; three indicators in group g; minmax then amean.
    private static readonly double[] A = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly double[] B = [2, 1, 4, 3, 6, 5, 8, 7];
    private static readonly double[] C = [8, 1, 6, 3, 5, 4, 2, 7];

    private static IndexResult Run(MethodSpec weighting, double[] weights)
    {
        var data = new IndicatorData(Enumerable.Range(1, 8).Select(i => $"U{i}").ToArray(),
            new Dictionary<string, double[]> { ["a"] = A, ["b"] = B, ["c"] = C });
        var definition = IndexDefinition.Create("w",
        [
            new NodeDefinition { Code = "a", Type = NodeType.Indicator, Parent = "g", Weight = weights[0] },
            new NodeDefinition { Code = "b", Type = NodeType.Indicator, Parent = "g", Weight = weights[1] },
            new NodeDefinition { Code = "c", Type = NodeType.Indicator, Parent = "g", Weight = weights[2] },
            new NodeDefinition { Code = "g", Type = NodeType.Aggregate, Parent = "index", Weighting = weighting },
            new NodeDefinition { Code = "h", Type = NodeType.Aggregate, Parent = "index" },
            new NodeDefinition { Code = "d", Type = NodeType.Indicator, Parent = "h" },
            new NodeDefinition { Code = "index", Type = NodeType.Aggregate },
        ], [new StepDefinition(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 0), ("u", 100))), new StepDefinition(StepNames.Aggregate, new MethodSpec("amean"))]);
        var withD = new IndicatorData(data.AreaCodes, new Dictionary<string, double[]> { ["a"] = A, ["b"] = B, ["c"] = C, ["d"] = A });
        return IndexPipeline.Run(definition, withD);
    }

    [Fact]
    public void Equal_ignores_the_explicit_weights_explicit_keeps_them()
    {
        var equal = Run(new MethodSpec("equal"), [5, 1, 1]);
        // a, b, c are min-max of 1..8 permutations: (x − 1)/7·100; U1: a 0, b 14.286, c 100 → mean 38.095.
        Assert.Equal((0 + 100.0 / 7 + 100) / 3, equal["g"].Scores[0], 9);
        var explicitW = Run(new MethodSpec("explicit"), [5, 1, 1]);
        Assert.Equal((5 * 0 + 100.0 / 7 + 100) / 7, explicitW["g"].Scores[0], 9);
        Assert.Equal(5, explicitW.Weights["a"]);
    }

    [Fact]
    public void Pca_weights_are_the_squared_first_component_loadings()
    {
        var result = Run(new MethodSpec("pca"), [1, 1, 1]);
        var pc = PrincipalComponent.Of([A, B, C], "g");   // loadings checked against MathNet in AuditTests
        Assert.Equal(pc.Weights[0], result.Weights["a"], 9);
        Assert.Equal(pc.Weights[2], result.Weights["c"], 9);
        var n = result.Table("normalised");
        var expected = (pc.Weights[0] * n.Column("a")[3] + pc.Weights[1] * n.Column("b")[3] + pc.Weights[2] * n.Column("c")[3]) / pc.Weights.Sum();
        Assert.Equal(expected, result["g"].Scores[3], 9);
    }

    [Fact]
    public void Balance_meets_reachable_target_correlation_shares()
    {
        // Two children: a = 1..8, s skewed. With equal weights their correlations with the aggregate are about equal
        // (shares 0.500, 0.500); target shares 0.55 : 0.45 lie between what the children alone give (1/(1 + r) and
        // r/(1 + r), r = corr(a, s) ≈ 0.74), so weights exist that meet them.
        var data = new IndicatorData(Enumerable.Range(1, 8).Select(i => $"U{i}").ToArray(),
            new Dictionary<string, double[]> { ["a"] = A, ["s"] = [1, 1, 1, 1, 1, 2, 3, 8] });
        IndexDefinition Definition(MethodSpec weighting) => IndexDefinition.Create("w",
        [
            new NodeDefinition { Code = "a", Type = NodeType.Indicator, Parent = "g" },
            new NodeDefinition { Code = "s", Type = NodeType.Indicator, Parent = "g" },
            new NodeDefinition { Code = "g", Type = NodeType.Aggregate, Weighting = weighting },
        ], [new StepDefinition(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 0), ("u", 100))), new StepDefinition(StepNames.Aggregate, new MethodSpec("amean"))]);

        var result = IndexPipeline.Run(Definition(new MethodSpec("balance", new Dictionary<string, double> { ["a"] = 11, ["s"] = 9 })), data);
        var g = result["g"].Scores.ToArray();
        var n = result.Table("normalised");
        var ra = MathStats.Correlation.Pearson(n.Column("a").ToArray(), g);
        var rs = MathStats.Correlation.Pearson(n.Column("s").ToArray(), g);
        Assert.True(Math.Abs(ra / (ra + rs) - 0.55) < Weighting.BalanceTolerance, $"share {ra / (ra + rs)}");
        Assert.True(result.Weights["a"] > result.Weights["s"]);

        // 0.6 : 0.4 is out of reach (even a alone gives a share of 1/(1 + 0.74) ≈ 0.574): a clear error, not a silent miss.
        var e = Assert.Throws<IndexComputationException>(() =>
            IndexPipeline.Run(Definition(new MethodSpec("balance", new Dictionary<string, double> { ["a"] = 3, ["s"] = 2 })), data));
        Assert.Contains("cannot be met", e.Message);
    }

    [Theory]
    [InlineData("""{"method": "pca", "x": 1}""", "$.nodes[3].weighting.x")]
    [InlineData("""{"method": "balance", "z": 1}""", "$.nodes[3].weighting.z")]
    [InlineData("""{"method": "balance", "a": -1}""", "$.nodes[3].weighting.a")]
    [InlineData("""{"method": "magic"}""", "$.nodes[3].weighting.method")]
    public void Bad_weighting_is_reported_at_its_path(string weighting, string path)
    {
        var json = $$"""
            {"id": "t", "steps": [{"step": "normalise", "method": "minmax"}, {"step": "aggregate", "method": "amean"}],
             "nodes": [{"code": "a", "type": "indicator", "parent": "g"}, {"code": "b", "type": "indicator", "parent": "g"},
                       {"code": "c", "type": "indicator", "parent": "g"}, {"code": "g", "type": "aggregate", "parent": null, "weighting": {{weighting}}}]}
            """;
        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json));
        Assert.Contains(e.Problems, p => p.Path == path);
    }
}
