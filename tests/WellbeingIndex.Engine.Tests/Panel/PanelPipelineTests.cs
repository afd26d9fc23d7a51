using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;
using static WellbeingIndex.Engine.Tests.Panel.Panels;

namespace WellbeingIndex.Engine.Tests.Panel;

public class PanelPipelineTests
{
    private static double[] Scores(PanelResult r, int period, string node) => r.Results[period][node].Scores.ToArray();

    [Fact]
    public void Per_period_normalises_each_period_on_its_own()
    {
        var r = PanelPipeline.Run(Recipe(MinMax), TwoYears(), new PanelOptions(TimeDefinition.PerPeriod));

        // 2020 x 10..30 → 0, 50, 100; 2021 x 15..50 → 0, 71.43, 100. y (v = −y) 2020 −5..−1 → 0, 50, 100; 2021 −4..0 → 0, 50, 100.
        Equal([0, 50, 100], Scores(r, 0, "x"));
        Equal([0, 2500.0 / 35, 100], Scores(r, 1, "x"));
        Equal([0, 50, 100], Scores(r, 1, "y"));
        // A improved on both raw indicators, yet its per-period index is 0 in both years: per-period says nothing about change.
        Assert.Equal(0, Scores(r, 0, "index")[0]);
        Assert.Equal(0, Scores(r, 1, "index")[0]);
        Assert.Empty(r.Fits);
    }

    [Fact]
    public void Pooled_takes_min_and_max_over_every_area_period()
    {
        var r = PanelPipeline.Run(Recipe(MinMax), TwoYears(), new PanelOptions(TimeDefinition.Pooled));

        // x over {10, 20, 30, 15, 40, 50}: min 10, max 50 → 2020: 0, 25, 50; 2021: 12.5, 75, 100.
        Equal([0, 25, 50], Scores(r, 0, "x"));
        Equal([12.5, 75, 100], Scores(r, 1, "x"));
        // v = −y over {−5, −3, −1, −4, −2, 0}: min −5, max 0 → 2020: 0, 40, 80; 2021: 20, 60, 100.
        Equal([0, 40, 80], Scores(r, 0, "y"));
        Equal([20, 60, 100], Scores(r, 1, "y"));
        // index A: 2020 (0 + 0)/2 = 0 → 2021 (12.5 + 20)/2 = 16.25: every raw indicator improved, so does the comparable score.
        Assert.Equal(0, Scores(r, 0, "index")[0], 1e-9);
        Assert.Equal(16.25, Scores(r, 1, "index")[0], 1e-9);
        var fit = r.Fits.Single(f => f.Step == StepNames.Normalise && f.Indicator == "x").Parameters;
        Assert.Equal((10, 50), (fit["min"], fit["max"]));
        // Ranks stay within the period: 2021 index C (100 + 100)/2 = 100 first, B 67.5, A 16.25.
        Assert.Equal([3, 2, 1], r.Results[1].Index.Ranks.ToArray());
    }

    [Fact]
    public void Base_period_min_max_does_not_truncate_later_values()
    {
        var r = PanelPipeline.Run(Recipe(MinMax, Base2020), TwoYears());

        // Base 2020: x 10..30, v = −y −5..−1. 2021 x: (15−10)/20 = 25, (40−10)/20 = 150, (50−10)/20 = 200.
        Equal([0, 50, 100], Scores(r, 0, "x"));
        Equal([25, 150, 200], Scores(r, 1, "x"));
        // 2021 y: (−4+5)/4 = 25, (−2+5)/4 = 75, (0+5)/4 = 125.
        Equal([25, 75, 125], Scores(r, 1, "y"));
        Assert.Equal(25, Scores(r, 1, "index")[0], 1e-9);
        Assert.Equal(TimeMode.BasePeriod, r.Definition.Time!.Mode);
    }

    [Fact]
    public void Base_period_z_score_is_the_ONS_100_plus_10z()
    {
        var z = MethodSpec.Of("zscore", ("m", 100), ("s", 10));
        var r = PanelPipeline.Run(Recipe(z, Base2020), TwoYears());

        // Base x 10, 20, 30: mean 20, sd √((100 + 0 + 100)/2) = 10. A: 2020 100 + 10·(10−20)/10 = 90; 2021 100 + 10·(15−20)/10 = 95.
        // Base v = −y −5, −3, −1: mean −3, sd 2. A: 2020 100 + 10·(−5+3)/2 = 90; 2021 100 + 10·(−4+3)/2 = 95. C 2021: 100 + 10·3/2 = 115.
        Equal([90, 100, 110], Scores(r, 0, "x"));
        Equal([95, 120, 130], Scores(r, 1, "x"));
        Equal([95, 105, 115], Scores(r, 1, "y"));
        Assert.True(Scores(r, 1, "index")[0] > Scores(r, 0, "index")[0]);
    }

    [Fact]
    public void Base_weights_weight_the_base_mean_and_sd()
    {
        var z = MethodSpec.Of("zscore", ("m", 100), ("s", 10));
        var r = PanelPipeline.Run(Recipe(z, Base2020 with { BaseWeights = "pop" }), TwoYears());

        // Weights 1, 1, 2 on x 10, 20, 30: mean (10 + 20 + 60)/4 = 22.5; Σw(x − m)² = 156.25 + 6.25 + 2·56.25 = 275;
        // Σw = 4, Σw² = 6 → variance 275/(4 − 6/4) = 110. A 2021: 100 + 10·(15 − 22.5)/√110.
        Assert.Equal(100 + 10 * (15 - 22.5) / Math.Sqrt(110), Scores(r, 1, "x")[0], 1e-9);
        var fit = r.Fits.Single(f => f.Indicator == "x").Parameters;
        Assert.Equal(22.5, fit["mean"], 1e-12);
    }

    [Fact]
    public void Pooled_percentile_ranks_place_each_value_among_every_area_period()
    {
        var r = PanelPipeline.Run(Recipe(new MethodSpec("prank")), TwoYears(), new PanelOptions(TimeDefinition.Pooled));

        // Pooled x sorted 10, 15, 20, 30, 40, 50 (n = 6): prank = (rank − 1)/5 → 2020: 10 → 0, 20 → 0.4, 30 → 0.6; 2021: 15 → 0.2, 40 → 0.8, 50 → 1.
        Equal([0, 0.4, 0.6], Scores(r, 0, "x"));
        Equal([0.2, 0.8, 1], Scores(r, 1, "x"));
    }

    [Fact]
    public void Base_ranks_place_later_values_against_the_base_distribution()
    {
        var r = PanelPipeline.Run(Recipe(new MethodSpec("rank")), TwoYears(), new PanelOptions(Base2020));

        // Base x 10, 20, 30. rank = 1 + base values below: 2021 15 → 2, 40 → 4, 50 → 4 (beyond the base: n + 1).
        Equal([1, 2, 3], Scores(r, 0, "x"));
        Equal([2, 4, 4], Scores(r, 1, "x"));
    }

    [Fact]
    public void Base_goalposts_are_not_truncated_unless_the_definition_says_so()
    {
        var posts = MethodSpec.Of("goalposts", ("min", 0), ("max", 40), ("scale", 100));
        var untruncated = PanelPipeline.Run(Recipe(posts, Base2020), TwoYears());
        var truncated = PanelPipeline.Run(Recipe(posts.WithNumber("truncate", 1), Base2020), TwoYears());

        // 2021 x = 50 on goalposts 0..40: 100·50/40 = 125 without truncation, 100 with.
        Assert.Equal(125, Scores(untruncated, 1, "x")[2], 1e-9);
        Assert.Equal(100, Scores(truncated, 1, "x")[2], 1e-9);
        // Per-period goalposts keep their default truncation.
        Assert.Equal(100, Scores(PanelPipeline.Run(Recipe(posts), TwoYears()), 1, "x")[2], 1e-9);
    }

    [Fact]
    public void Treatment_thresholds_come_from_the_base_period()
    {
        // Base 2020 x = 1..10, 30, 100: winsorisation clips 100 to 30 (see WinsoriseTreatmentTests), so upper = 30.
        // 2021 has a new outlier 60 in an otherwise ordinary year: it is clipped to the base bound 30, not judged on its own.
        double[] x2020 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
        double[] x2021 = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 60];
        var codes = Enumerable.Range(1, 12).Select(i => $"A{i}").ToArray();
        var panel = new PanelData(
        [
            (Y2020, new IndicatorData(codes, new Dictionary<string, double[]> { ["x"] = x2020, ["y"] = x2020 })),
            (Y2021, new IndicatorData(codes, new Dictionary<string, double[]> { ["x"] = x2021, ["y"] = x2021 })),
        ]);
        var treat = new StepDefinition(StepNames.Treat, new MethodSpec("winsorise"));

        var r = PanelPipeline.Run(Recipe(MinMax, Base2020, treat), panel);

        var treated = r.Results[1].Table("treated").Column("x").ToArray();
        Assert.Equal(30, treated[11]);
        Assert.Equal(x2021[..11], treated[..11]);
        Assert.Equal(30, r.Fits.Single(f => f.Step == StepNames.Treat && f.Indicator == "x").Parameters["upper"]);
    }

    [Fact]
    public void Cross_sectional_imputation_stays_within_each_period()
    {
        var panel = new PanelData(
        [
            (Y2020, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [10, 20, double.NaN], ["y"] = [1, 2, 3] })),
            (Y2021, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [100, 200, double.NaN], ["y"] = [1, 2, 3] })),
        ]);
        var impute = new StepDefinition(StepNames.Impute, new MethodSpec("mean"));

        var r = PanelPipeline.Run(Recipe(MinMax, TimeDefinition.Pooled, impute), panel);

        // C gets its own period's mean: (10 + 20)/2 = 15 in 2020, (100 + 200)/2 = 150 in 2021 (not the pooled mean 82.5).
        Assert.Equal(15, r.Results[0].Table("imputed").Column("x")[2]);
        Assert.Equal(150, r.Results[1].Table("imputed").Column("x")[2]);
        Assert.Equal(1, r.Results[1].ImputedCounts["x"]);
    }

    [Fact]
    public void A_base_period_outside_the_data_is_an_error_naming_the_periods()
    {
        var e = Assert.Throws<IndexComputationException>(() =>
            PanelPipeline.Run(Recipe(MinMax), TwoYears(), new PanelOptions(new TimeDefinition(TimeMode.BasePeriod, "2015"))));
        Assert.Contains("2015 is not in the data (periods: 2020, 2021)", e.Message);
    }

    [Fact]
    public void Dist2ref_has_no_pooled_form()
    {
        var e = Assert.Throws<IndexComputationException>(() => PanelPipeline.Run(
            Recipe(new MethodSpec("dist2ref", texts: new Dictionary<string, string> { ["area"] = "A" })), TwoYears(), new PanelOptions(TimeDefinition.Pooled)));
        Assert.Contains("per-period", e.Message);
    }

    [Theory]
    [InlineData("pooled")]
    [InlineData("base-period")]
    public void Screening_a_stacked_panel_is_an_error_and_per_period_screens_each_period(string mode)
    {
        // B lacks x in 2021 only: availability 1/2 < dat_thresh 0.6 removes B from 2021 and keeps it in 2020.
        var panel = new PanelData(
        [
            (Y2020, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [10, 20, 30], ["y"] = [5, 3, 1] })),
            (Y2021, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [15, double.NaN, 50], ["y"] = [4, 2, 0] })),
        ]);
        var screen = new StepDefinition(StepNames.Screen, new MethodSpec(StepNames.Screen, new Dictionary<string, double> { ["dat_thresh"] = 0.6 },
            new Dictionary<string, string> { ["unit_screen"] = "byNA" }));
        var time = mode == "pooled" ? TimeDefinition.Pooled : Base2020;

        var e = Assert.Throws<IndexComputationException>(() => PanelPipeline.Run(Recipe(MinMax, null, screen), panel, new PanelOptions(time)));
        Assert.Contains($"screen step removes areas period by period, which time mode {mode} cannot do", e.Message);
        Assert.Contains("per-period", e.Message);

        var perPeriod = PanelPipeline.Run(Recipe(MinMax, null, screen), panel, new PanelOptions(TimeDefinition.PerPeriod));
        Assert.Equal(["A", "B", "C"], perPeriod.Results[0].AreaCodes.ToArray());
        Assert.Equal(["A", "C"], perPeriod.Results[1].AreaCodes.ToArray());
        // 2021 without B: x 15, 50 → 0, 100; v = −y −4, 0 → 0, 100; index A 0, C 100.
        Equal([0, 100], Scores(perPeriod, 1, "index"));
    }
}
