using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using WellbeingIndex.Engine.Methods.Treatment;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods;

/// <summary>Fit on one set, apply to another: what makes a later period comparable with a base period.</summary>
public class FitApplyTests
{
    private static double[] Apply(INormaliser n, MethodSpec spec, double[] reference, double[] values, double[]? weights = null)
    {
        var fit = n.Fit(reference, weights ?? [], spec, Context(reference.Length));
        var output = new double[values.Length];
        n.Apply(fit, values, output, spec, Context(values.Length));
        return output;
    }

    [Fact]
    public void Normalise_is_fit_on_the_column_then_apply()
    {
        double[] column = [3, NaN, 9, 5];
        foreach (var n in new INormaliser[] { new MinMaxNormaliser(), new ZScoreNormaliser(), new RankNormaliser(), new PercentileRankNormaliser(), new ExponentialRankNormaliser(), new DistanceToMaxNormaliser() })
        {
            var spec = new MethodSpec(n.Name);
            Equal(Normalise(n, column, spec), Apply(n, spec, column, column));
        }
    }

    [Fact]
    public void Min_max_applies_the_reference_range_without_truncation()
    {
        // Reference 10..30: 40 → (40 − 10)/20·100 = 150; 0 → −50.
        Equal([150, -50, 25], Apply(new MinMaxNormaliser(), Spec("minmax"), [10, 20, 30], [40, 0, 15]));
    }

    [Fact]
    public void Z_score_with_weights_uses_the_weighted_mean_and_reliability_sd()
    {
        // x 10, 20, 30 with weights 1, 1, 2: mean 22.5, variance 275/(4 − 6/4) = 110 (see PanelPipelineTests).
        var y = Apply(new ZScoreNormaliser(), Spec("zscore"), [10, 20, 30], [22.5, 22.5 + Math.Sqrt(110)], [1, 1, 2]);
        Equal([0, 1], y, 1e-12);
        // Equal weights give the sample sd: 10, 20, 30 → mean 20, sd 10.
        Equal([1], Apply(new ZScoreNormaliser(), Spec("zscore"), [10, 20, 30], [30], [3, 3, 3]), 1e-12);
    }

    [Fact]
    public void Ranks_against_a_reference_count_the_reference_values_below()
    {
        // Reference 1, 2, 2, 5 (n = 4): 2 → 1 + 1 = 2; 3 → 1 + 3 = 4; 9 → 5; 0 → 1. prank = (rank − 1)/3.
        Equal([2, 4, 5, 1], Apply(new RankNormaliser(), Spec("rank"), [1, 2, 2, 5], [2, 3, 9, 0]));
        Equal([1.0 / 3, 1, 4.0 / 3, 0], Apply(new PercentileRankNormaliser(), Spec("prank"), [1, 2, 2, 5], [2, 3, 9, 0]));
    }

    [Fact]
    public void Winsorisation_fitted_on_a_reference_clips_other_columns_at_the_same_bound()
    {
        // x = 1..10, 30, 100 winsorises 100 → 30 (WinsoriseTreatmentTests), so the fitted upper bound is 30 and no lower bound.
        var w = new WinsoriseTreatment();
        var fit = w.Fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], new MethodSpec("winsorise"), Context(12));
        Assert.Equal(["upper"], fit.Values.Keys);
        Assert.Equal(30, fit["upper"]);

        double[] later = [-5, 12, 45, NaN];
        var outcome = w.Apply(fit, later, new MethodSpec("winsorise"), Context(4));
        Equal([-5, 12, 30, NaN], later);
        Assert.Equal((0, 1), (outcome.ClippedLow, outcome.ClippedHigh));
    }

    [Fact]
    public void A_fitted_log_fallback_applies_the_same_shift()
    {
        // Heavy tail with winmax 1 falls back to ln(x − min + 0.01·(max − min)) = ln(x − 1 + 319.99) (WinsoriseTreatmentTests).
        double[] heavy = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 1000, 2000, 4000, 8000, 16000, 32000];
        var w = new WinsoriseTreatment();
        var spec = Spec("winsorise", ("winmax", 1));
        var fit = w.Fit(heavy, spec, Context(heavy.Length));
        Assert.Equal(318.99, fit["shift"], 1e-9);

        double[] later = [21];
        w.Apply(fit, later, spec, Context(1));
        Assert.Equal(Math.Log(21 + 318.99), later[0], 1e-12);
        Assert.Throws<IndexComputationException>(() => w.Apply(fit, new double[] { -400 }, spec, Context(1)));
    }
}
