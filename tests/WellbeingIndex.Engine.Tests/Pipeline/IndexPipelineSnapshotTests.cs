using Snapshooter.Xunit;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Tests.Pipeline;

/// <summary>
/// Whole result tables, reviewed once and kept as snapshots: any change to a method's numbers shows up as a diff.
/// The snapshot's first rows are the hand-worked example of <see cref="IndexPipelineTests"/>.
/// </summary>
public class IndexPipelineSnapshotTests
{
    [Fact]
    public void Four_area_example_result_table()
    {
        var result = IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());

        Snapshot.Match(IndexResultCsv.ToString(result).Split('\n'));
    }

    [Fact]
    public void Four_area_example_with_every_step()
    {
        var definition = IndexDefinitionJson.Read("""
            {
              "id": "every-step",
              "steps": [
                {"step": "impute", "method": "groupmean", "group": "region"},
                {"step": "treat", "method": "cap", "upper": 1100},
                {"step": "normalise", "method": "zscore", "m": 100, "s": 10},
                {"step": "aggregate", "method": "amean"}
              ],
              "levels": [{"level": 3, "aggregate": {"method": "gmean"}}],
              "nodes": [
                {"code": "pay", "type": "indicator", "parent": "income", "weight": 2, "normalise": {"method": "rank"}},
                {"code": "rent", "type": "indicator", "parent": "income", "direction": -1},
                {"code": "parks", "type": "indicator", "parent": "green", "normalise": {"method": "minmax", "l": 1, "u": 10}},
                {"code": "income", "type": "aggregate", "parent": "index"},
                {"code": "green", "type": "aggregate", "parent": "index"},
                {"code": "index", "type": "aggregate", "parent": null}
              ]
            }
            """);

        var result = IndexPipeline.Run(definition, Examples.FourAreas());

        // Hand check of row A before the snapshot: D's rent is imputed as region S's 1200 and capped with C's at 1100;
        // rent v = −900, −1000, −1100, −1100: mean −1025, sample sd √(27500/3) = 95.743, z_A = 1.30558 → 113.0558;
        // pay ranks 1..4 (A = 1); income_A = (2·1 + 113.0558)/3 = 38.3519; parks min-max to 1..10: (20 − 10)/30·9 + 1 = 4;
        // index_A = √(38.3519 · 4) = 12.3858 (geometric mean at level 3).
        Assert.Equal(113.0558, result["rent"].Scores[0], 4);
        Assert.Equal(38.3519, result["income"].Scores[0], 4);
        Assert.Equal(12.3858, result.Index.Scores[0], 4);
        Snapshot.Match(new
        {
            tables = result.Tables.Select(t => new { t.Name, columns = t.Codes.ToDictionary(c => c, c => t.Column(c).ToArray().Select(Round)) }),
            index = result.Index.Scores.ToArray().Select(Round),
            ranks = result.Index.Ranks.ToArray(),
            result.ImputedCounts,
            result.Treatments,
        });
    }

    private static double? Round(double v) => double.IsNaN(v) ? null : Math.Round(v, 6);
}
