using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Treatment;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Treatment;

public class WinsoriseTreatmentTests
{
    private readonly WinsoriseTreatment _method = new();

    private static readonly double[] Heavy = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 1000, 2000, 4000, 8000, 16000, 32000];

    private TreatmentOutcome Treat(double[] column, MethodSpec? spec = null) =>
        _method.Treat(column, spec ?? new MethodSpec("winsorise"), Context(column.Length));

    [Fact]
    public void Skew_and_kurtosis_use_COINr_type_2_estimators()
    {
        // COINr's example x = 1..10, 30, 100: n = 12, mean = 185/12 = 15.41667, Σd² = 8432.917, Σd³ = 596033.0, Σd⁴ = 51376410.
        // skew = √12·596033/8432.917^1.5 · √(12·11)/10 = 3.063241; r = 12·51376410/8432.917² = 8.66947,
        // kurt = ((13)(r − 3) + 6)·11/(10·9) = 9.741391.
        var (skew, kurt) = ColumnStatistics.SkewKurt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);
        Assert.Equal(3.063241, skew, 1e-6);
        Assert.Equal(9.741391, kurt, 1e-6);
    }

    [Fact]
    public void Clips_the_outlier_to_the_next_value()
    {
        // Fails (|3.06| ≥ 2 and 9.74 ≥ 3.5); 100 → 30; then x = 1..10, 30, 30 has skew 1.712 < 2: passes after one point.
        double[] column = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
        var outcome = Treat(column);
        Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30], column);
        Assert.Equal((0, 1, false), (outcome.ClippedLow, outcome.ClippedHigh, outcome.LogTransformed));
        Assert.Contains("3.063 → 1.712", outcome.Note);
    }

    [Fact]
    public void Tied_maxima_move_together()
    {
        // skew 3.628, kurt 13.94 → 32000 → 16000 (skew 2.734, kurt 6.656: still fails) → both 16000 → 8000
        // (skew 2.170, kurt 3.325 < 3.5: passes). Two points moved, within winmax = 5.
        var column = (double[])Heavy.Clone();
        var outcome = Treat(column);
        Assert.Equal([8000, 8000, 8000], column[^3..]);
        Assert.Equal(Heavy[..^2], column[..^2]);
        Assert.Equal((0, 2, false), (outcome.ClippedLow, outcome.ClippedHigh, outcome.LogTransformed));
    }

    [Fact]
    public void Falls_back_to_COINr_log_on_the_original_values()
    {
        // winmax = 1: after 32000 → 16000 it still fails, so undo and take ln(x − min + 0.01·(max − min)) = ln(x − 1 + 319.99):
        // 1 → ln 319.99 = 5.768290; 20 → ln 338.99 = 5.825971; 1000 → ln 1318.99 = 7.184622; 32000 → ln 32318.99 = 10.383410.
        var column = (double[])Heavy.Clone();
        var outcome = Treat(column, Spec("winsorise", ("winmax", 1)));
        Assert.True(outcome.LogTransformed);
        Assert.Equal((0, 0), (outcome.ClippedLow, outcome.ClippedHigh));
        Equal([5.768290, 5.825971, 7.184622, 10.383410], [column[0], column[19], column[20], column[25]], 1e-6);
    }

    [Fact]
    public void Negative_skew_clips_the_minimum()
    {
        // −100, 1..10: skew −3.268, kurt 10.76 → −100 → 1 (skew 0.128): passes.
        double[] column = [-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN];
        var outcome = Treat(column);
        Equal([1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN], column);
        Assert.Equal((1, 0), (outcome.ClippedLow, outcome.ClippedHigh));
    }

    [Fact]
    public void Leaves_well_behaved_or_short_columns_alone()
    {
        double[] fine = [1, 2, 3, 4, 5];
        Assert.Equal((0, 0, false), Summary(Treat(fine)));
        Equal([1, 2, 3, 4, 5], fine);
        double[] shortColumn = [1, 2, 1000, NaN];
        Assert.Contains("fewer than 4", Treat(shortColumn).Note);
        Equal([1, 2, 1000, NaN], shortColumn);
    }

    [Fact]
    public void Thresholds_are_parameters()
    {
        // With kurt_thresh = 20 the 1..10, 30, 100 column (kurtosis 9.74) passes untouched.
        double[] column = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
        Assert.Equal((0, 0, false), Summary(Treat(column, Spec("winsorise", ("kurt_thresh", 20)))));
        Assert.Equal(100, column[^1]);
    }

    [Fact]
    public void Validation_reports_bad_parameters()
    {
        Assert.Equal(["winmax"], Problems(_method, Spec("winsorise", ("winmax", 0))));
        Assert.Equal(["winmax"], Problems(_method, Spec("winsorise", ("winmax", 2.5))));
        Assert.Equal(["skew_thresh"], Problems(_method, Spec("winsorise", ("skew_thresh", -1))));
        Assert.Equal(["kurtosis"], Problems(_method, Spec("winsorise", ("kurtosis", 3))));
        Assert.Empty(Problems(_method, Spec("winsorise", ("winmax", 10), ("skew_thresh", 2.25), ("kurt_thresh", 3.5))));
    }

    private static (int, int, bool) Summary(TreatmentOutcome o) => (o.ClippedLow, o.ClippedHigh, o.LogTransformed);
}
