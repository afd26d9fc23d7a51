using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Tests.Pipeline;

/// <summary>
/// A build normalises into reused scratch columns and recomputes the normalised table, the indicators' scores and the
/// aggregates' coverage when they are read: they must be the values worked out by hand, and the same bits as a run
/// that keeps its tables.
/// </summary>
public class RecomputedTablesTests
{
    [Fact]
    public void The_normalised_table_scores_and_coverage_read_after_the_build_are_the_hand_computed_values()
    {
        var result = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());

        // pay 400..800: (v − 400)/400·100 = 0, 25, 50, 100. rent ×−1: −900, −1000, −1200, missing; min −1200,
        // max −900: (−900 + 1200)/300·100 = 100, (−1000 + 1200)/300·100 = 66.67, 0, missing.
        Assert.Equal([0, 25, 50, 100], result.Table(ResultTable.Normalised).Column("pay").ToArray());
        Assert.Equal([100, 200.0 / 300 * 100, 0, double.NaN], result["rent"].Scores.ToArray());
        // income has 2 children: D lacks rent, so 1 of 2 present.
        Assert.Equal([1, 1, 1, 0.5], result["income"].Coverage.ToArray());
        Assert.Equal([1, 1, 1, 1], result["index"].Coverage.ToArray());
    }

    [Fact]
    public void Tables_recomputed_on_reading_are_bit_for_bit_those_a_run_keeps()
    {
        var lazy = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());
        // A second build reuses the first one's scratch columns: the first result must not see them change.
        var kept = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas(), keepTables: true);

        foreach (var table in kept.Tables)
        {
            foreach (var code in table.Codes)
            {
                Assert.Equal(table.Column(code).ToArray(), lazy.Table(table.Name).Column(code).ToArray());
            }
        }

        foreach (var node in kept.Scores)
        {
            Assert.Equal(node.Scores.ToArray(), lazy[node.Code].Scores.ToArray());
            Assert.Equal(node.Coverage.ToArray(), lazy[node.Code].Coverage.ToArray());
            Assert.Equal(node.Ranks.ToArray(), lazy[node.Code].Ranks.ToArray());
        }
    }

    [Fact]
    public void A_large_builds_aggregates_below_the_root_are_recomputed_on_reading_with_the_same_bits()
    {
        // 4,096 areas (a large build: its group scores go to scratch columns and are recomputed when read).
        // i0 = r, i1 = 4095 − r: min-max gives r/4095·100 and 100 − that, so group a = 50 in every area.
        // i2 = r mod 2 → 0 or 100; i3 missing in area 0, else 1 + r mod 3 → 0, 50, 100: group b in area 0 = i2 alone = 0.
        const int n = IndexPipeline.ParallelFromAreas * 2;
        var nodes = new[]
        {
            new NodeDefinition { Code = "i0", Type = NodeType.Indicator, Parent = "a" },
            new NodeDefinition { Code = "i1", Type = NodeType.Indicator, Parent = "a" },
            new NodeDefinition { Code = "i2", Type = NodeType.Indicator, Parent = "b" },
            new NodeDefinition { Code = "i3", Type = NodeType.Indicator, Parent = "b" },
            new NodeDefinition { Code = "a", Type = NodeType.Aggregate, Parent = "index" },
            new NodeDefinition { Code = "b", Type = NodeType.Aggregate, Parent = "index" },
            new NodeDefinition { Code = "index", Type = NodeType.Aggregate },
        };
        var definition = IndexDefinition.Create("large", nodes, [Examples.MinMax(), Examples.Mean()]);
        var data = new IndicatorData(Enumerable.Range(0, n).Select(r => $"A{r}").ToArray(), new Dictionary<string, double[]>
        {
            ["i0"] = Enumerable.Range(0, n).Select(r => (double)r).ToArray(),
            ["i1"] = Enumerable.Range(0, n).Select(r => (double)(n - 1 - r)).ToArray(),
            ["i2"] = Enumerable.Range(0, n).Select(r => (double)(r % 2)).ToArray(),
            ["i3"] = Enumerable.Range(0, n).Select(r => r == 0 ? double.NaN : 1 + r % 3).ToArray(),
        });

        var lazy = IndexPipeline.Run(definition, data);
        // Another build reuses the scratch columns before the first result is read.
        _ = IndexPipeline.Run(definition, data).Index.Ranks[0];
        var kept = IndexPipeline.Run(definition, data, keepTables: true);

        Assert.All(lazy["a"].Scores.ToArray(), v => Assert.Equal(50, v, 12));
        Assert.Equal(0, lazy["b"].Scores[0]);
        // index of area 0 = (50 + 0)/2 = 25; group b has 1 of 2 children there.
        Assert.Equal(25, lazy.Index.Scores[0], 12);
        Assert.Equal(0.5, lazy["b"].Coverage[0]);
        foreach (var node in kept.Scores)
        {
            Assert.Equal(node.Scores.ToArray(), lazy[node.Code].Scores.ToArray());
            Assert.Equal(node.Coverage.ToArray(), lazy[node.Code].Coverage.ToArray());
        }

        foreach (var code in kept.Table(ResultTable.Aggregated).Codes)
        {
            Assert.Equal(kept.Table(ResultTable.Aggregated).Column(code).ToArray(), lazy.Table(ResultTable.Aggregated).Column(code).ToArray());
        }
    }
}
