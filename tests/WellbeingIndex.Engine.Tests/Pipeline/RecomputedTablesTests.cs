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
}
