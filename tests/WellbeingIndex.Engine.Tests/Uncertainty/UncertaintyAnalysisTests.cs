using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Tests.Pipeline;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Engine.Tests.Uncertainty;

public class UncertaintyAnalysisTests
{
    [Fact]
    public void Without_noise_every_run_reproduces_the_nominal_ranks()
    {
        var result = UncertaintyAnalysis.Run(Examples.Definition(), Examples.FourAreas(), new UncertaintyOptions { Runs = 20, WeightNoise = 0 });

        // Nominal ranks of the hand-worked example: A 3, B 2, C 4, D 1.
        Assert.Equal([3, 2, 4, 1], result.Areas.Select(a => a.NominalRank));
        Assert.All(result.Areas, a =>
        {
            Assert.Equal(a.NominalRank, a.MedianRank);
            Assert.Equal(a.NominalRank, a.RankP05);
            Assert.Equal(a.NominalRank, a.RankP95);
            Assert.Equal(0, a.MeanAbsoluteRankShift);
        });
    }

    [Fact]
    public void An_area_best_on_every_indicator_keeps_rank_one_whatever_the_weights()
    {
        // D is best on pay and parks and has no rent: with any positive weights its index is the maximum 100.
        var result = UncertaintyAnalysis.Run(Examples.Definition(), Examples.FourAreas(), new UncertaintyOptions { Runs = 200, WeightNoise = 0.9 });

        var d = result.Areas[3];
        Assert.Equal((1, 1.0, 1.0, 1.0), (d.NominalRank, d.MedianRank, d.RankP05, d.RankP95));
    }

    [Fact]
    public void A_trade_off_decided_by_the_weights_shows_as_a_wide_interval()
    {
        // X is best on i1, Y on i2, equal weights: X = 100·w1/(w1+w2), Y = 100·w2/(w1+w2), so X ranks first exactly when
        // its perturbed weight is the larger — about half the runs. Both intervals span ranks 1 to 2.
        var definition = IndexDefinition.Create("tradeoff",
        [
            new() { Code = "i1", Type = NodeType.Indicator, Parent = "index" },
            new() { Code = "i2", Type = NodeType.Indicator, Parent = "index" },
            new() { Code = "index", Type = NodeType.Aggregate },
        ], [Examples.MinMax(), Examples.Mean()]);
        var data = new IndicatorData(["X", "Y"], new Dictionary<string, double[]> { ["i1"] = [10, 0], ["i2"] = [0, 10] });

        var result = UncertaintyAnalysis.Run(definition, data, new UncertaintyOptions { Runs = 400, WeightNoise = 0.5 });

        Assert.All(result.Areas, a =>
        {
            Assert.Equal(1, a.NominalRank); // a tie: both share rank 1
            Assert.Equal(1, a.RankP05);
            Assert.Equal(2, a.RankP95);
            Assert.InRange(a.MeanAbsoluteRankShift, 0.35, 0.65);
        });
    }

    [Fact]
    public void Alternative_methods_are_drawn_and_the_analysis_is_reproducible()
    {
        var options = new UncertaintyOptions
        {
            Runs = 50,
            Normalisations = [MethodSpec.Of("minmax", ("l", 1), ("u", 100)), new MethodSpec("rank")],
            Aggregations = [new MethodSpec("amean"), new MethodSpec("gmean")],
        };

        var first = UncertaintyAnalysis.Run(Examples.Definition(), Examples.FourAreas(), options);
        var again = UncertaintyAnalysis.Run(Examples.Definition(), Examples.FourAreas(), options);

        Assert.Equal(first.Areas, again.Areas);
        // D is best on pay and parks and lacks rent: first under every normalisation and aggregation drawn.
        Assert.Equal((1.0, 1.0, 1.0), (first.Areas[3].MedianRank, first.Areas[3].RankP05, first.Areas[3].RankP95));
        // So no other area ever ranks first: C (worst on rent and parks) stays below.
        Assert.True(first.Areas[2].RankP05 > 1);
    }

    [Fact]
    public void An_area_without_a_nominal_rank_has_no_rank_shift()
    {
        var data = new IndicatorData(["A", "B", "C", "D"], new Dictionary<string, double[]>
        {
            ["pay"] = [400, 500, 600, double.NaN], ["rent"] = [900, 1000, 1200, double.NaN], ["parks"] = [20, 30, 10, double.NaN],
        });

        var result = UncertaintyAnalysis.Run(Examples.Definition(), data, new UncertaintyOptions { Runs = 10 });

        Assert.Equal(0, result.Areas[3].NominalRank);
        Assert.True(double.IsNaN(result.Areas[3].MeanAbsoluteRankShift));
        Assert.True(double.IsNaN(result.Areas[3].MedianRank));
    }

    [Fact]
    public void Quantiles_interpolate_like_R_type_7()
    {
        // quantile(c(1,2,3,4), c(.05,.5,.95)) in R: 1.15, 2.5, 3.85
        Assert.Equal(1.15, UncertaintyAnalysis.Quantile([1, 2, 3, 4], 0.05), 12);
        Assert.Equal(2.5, UncertaintyAnalysis.Quantile([1, 2, 3, 4], 0.5), 12);
        Assert.Equal(3.85, UncertaintyAnalysis.Quantile([1, 2, 3, 4], 0.95), 12);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_their_names()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            UncertaintyAnalysis.Run(Examples.Definition(), Examples.FourAreas(), new UncertaintyOptions { Runs = 1, WeightNoise = 1 }));

        Assert.Contains("runs must be between 2 and 10000", e.Message);
        Assert.Contains("weightNoise must be at least 0 and below 1", e.Message);
    }
}
