using System.Buffers;
using System.Globalization;

namespace WellbeingIndex.Engine.Methods.Treatment;

/// <summary>
/// Outlier treatment as COINr's default <c>Treat()</c> (R/treat.R: <c>winsorise</c>, <c>check_SkewKurt</c>,
/// <c>log_CT</c>). A column passes when |skewness| &lt; skew_thresh or kurtosis &lt; kurt_thresh (COINr's type-2
/// estimators, see <see cref="ColumnStatistics.SkewKurt"/>). While it fails and fewer than <c>winmax</c> points have
/// been moved, the maximum (skew ≥ 0) or minimum (skew &lt; 0) — every point tied at it — is set to the next value.
/// If it still fails, the winsorisation is undone and COINr's fallback applied to the original values instead:
/// x = ln(x − min + 0.01·(max − min)). Like COINr, the points counted toward winmax are those of the latest move at
/// each end (which, because moved points tie with the next value, is every point moved on that side).
/// </summary>
public sealed class WinsoriseTreatment : ITreatment
{
    private static readonly ParameterSchema Schema = new(
        MethodParameter.Number("winmax", check: v => v >= 1 && v == Math.Floor(v), rule: "must be a whole number of at least 1"),
        MethodParameter.Number("skew_thresh", check: v => v > 0, rule: "must be greater than 0"),
        MethodParameter.Number("kurt_thresh"));

    public string Name => "winsorise";

    public string Description => "Winsorise (COINr): while |skew| ≥ 2 and kurtosis ≥ 3.5, set the extreme point on the skewed side to the next value, up to winmax = 5 points; else x = ln(x − min + 0.01·(max − min)).";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public TreatmentOutcome Treat(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        var winmax = (int)spec.Number("winmax", 5);
        var skewThresh = spec.Number("skew_thresh", 2);
        var kurtThresh = spec.Number("kurt_thresh", 3.5);
        var code = context.IndicatorCode;

        var (skew0, kurt0) = ColumnStatistics.SkewKurt(column);
        if (double.IsNaN(skew0))
        {
            return TreatmentOutcome.Untouched(code, Name, "fewer than 4 values present or no spread: skewness and kurtosis undefined, nothing done.");
        }

        bool Passes(double s, double k) => Math.Abs(s) < skewThresh || k < kurtThresh;
        if (Passes(skew0, kurt0))
        {
            return TreatmentOutcome.Untouched(code, Name, Fmt($"skew {skew0:0.###}, kurtosis {kurt0:0.###}: within thresholds, nothing done."));
        }

        var original = ArrayPool<double>.Shared.Rent(column.Length);
        try
        {
            column.CopyTo(original);
            var (skew, kurt) = (skew0, kurt0);
            int lastHigh = 0, lastLow = 0;
            while (!Passes(skew, kurt) && lastHigh + lastLow < winmax)
            {
                var moved = skew >= 0 ? MoveExtreme(column, high: true) : MoveExtreme(column, high: false);
                if (moved == 0) break;
                if (skew >= 0) lastHigh = moved;
                else lastLow = moved;
                (skew, kurt) = ColumnStatistics.SkewKurt(column);
                if (double.IsNaN(skew)) break;
            }

            if (!double.IsNaN(skew) && Passes(skew, kurt))
            {
                int low = 0, high = 0;
                for (var i = 0; i < column.Length; i++)
                {
                    if (column[i] > original[i]) low++;
                    else if (column[i] < original[i]) high++;
                }

                return new TreatmentOutcome(code, Name, low, high, false,
                    Fmt($"skew {skew0:0.###} → {skew:0.###}, kurtosis {kurt0:0.###} → {kurt:0.###}: winsorised {low} low, {high} high."));
            }

            original.AsSpan(0, column.Length).CopyTo(column);
            var (min, max) = ColumnStatistics.Range(column);
            var shift = -min + 0.01 * (max - min);
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = Math.Log(column[i] + shift);
            }

            var (skew2, kurt2) = ColumnStatistics.SkewKurt(column);
            return new TreatmentOutcome(code, Name, 0, 0, true,
                Fmt($"skew {skew0:0.###}, kurtosis {kurt0:0.###}: still outside after {winmax} winsorised points, log-transformed instead (skew {skew2:0.###}, kurtosis {kurt2:0.###})."));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(original);
        }
    }

    /// <summary>
    /// Winsorises a copy of the reference and keeps what it decided: the clip bound on each side it moved
    /// (<c>lower</c>, <c>upper</c>: the treated reference's extremes, so clipping the reference reproduces the
    /// winsorisation exactly), or the log fallback's <c>shift</c>; nothing when the reference passed.
    /// </summary>
    public FittedParameters Fit(ReadOnlySpan<double> reference, MethodSpec spec, ColumnContext context)
    {
        var copy = reference.ToArray();
        var outcome = Treat(copy, spec, context);
        var p = new Dictionary<string, double>(StringComparer.Ordinal);
        if (outcome.LogTransformed)
        {
            var (min, max) = ColumnStatistics.Range(reference);
            p["shift"] = -min + 0.01 * (max - min);
        }
        else
        {
            var (min, max) = ColumnStatistics.Range(copy);
            if (outcome.ClippedLow > 0) p["lower"] = min;
            if (outcome.ClippedHigh > 0) p["upper"] = max;
        }

        return new FittedParameters(p);
    }

    /// <summary>Clips to the fitted bounds, or applies the fitted log shift (a value at or below −shift is an error).</summary>
    public TreatmentOutcome Apply(FittedParameters parameters, Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        if (parameters.Contains("shift"))
        {
            var shift = parameters["shift"];
            for (var i = 0; i < column.Length; i++)
            {
                if (column[i] + shift <= 0)
                {
                    throw new IndexComputationException(Fmt(
                        $"winsorise for '{context.IndicatorCode}': the fitted log shift {shift} cannot take {column[i]} (area '{context.AreaCodeAt(i)}'): it is below the reference's range."));
                }

                column[i] = Math.Log(column[i] + shift);
            }

            return new TreatmentOutcome(context.IndicatorCode, Name, 0, 0, true, Fmt($"log-transformed with the fitted shift {shift:0.###}."));
        }

        var bounds = MethodSpec.Of("cap");
        if (parameters.Contains("lower")) bounds = bounds.WithNumber("lower", parameters["lower"]);
        if (parameters.Contains("upper")) bounds = bounds.WithNumber("upper", parameters["upper"]);
        var (low, high) = Bounds.Clip(column, bounds);
        return new TreatmentOutcome(context.IndicatorCode, Name, low, high, false,
            parameters.Values.Count == 0 ? "the reference passed the thresholds: nothing done."
                : Fmt($"clipped to the fitted bounds [{(parameters.Contains("lower") ? parameters["lower"] : double.NegativeInfinity):0.###}, {(parameters.Contains("upper") ? parameters["upper"] : double.PositiveInfinity):0.###}]: {low} low, {high} high."));
    }

    /// <summary>Sets every point at the maximum (or minimum) to the next value; returns how many moved.</summary>
    private static int MoveExtreme(Span<double> column, bool high)
    {
        var (min, max) = ColumnStatistics.Range(column);
        var extreme = high ? max : min;
        var next = high ? double.NegativeInfinity : double.PositiveInfinity;
        foreach (var x in column)
        {
            if (double.IsNaN(x) || x == extreme) continue;
            if (high ? x > next : x < next) next = x;
        }

        if (double.IsInfinity(next)) return 0;
        var moved = 0;
        for (var i = 0; i < column.Length; i++)
        {
            if (column[i] == extreme)
            {
                column[i] = next;
                moved++;
            }
        }

        return moved;
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
