using System.Globalization;
using System.Numerics;

namespace WellbeingIndex.Engine.Methods.Normalisation;

/// <summary>
/// Min-max scaling onto [l, u], as COINr <c>n_minmax</c>. A column with no spread (every present value equal) gives
/// every present area the midpoint (l + u)/2 instead of COINr's NaN: no area is better than another, the midpoint
/// keeps them level without dropping the indicator from aggregation or pushing all areas to the bottom.
/// </summary>
public sealed class MinMaxNormaliser : INormaliser
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Number("l"), MethodParameter.Number("u"));

    public string Name => "minmax";

    public string Description => "Min-max: y = l + (v − min)/(max − min)·(u − l); l = 0, u = 100 by default; constant column → (l + u)/2.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec).Concat(Bounds(spec));

    public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode, Bounds(spec));
        return ColumnStatistics.RangeParameters(reference);
    }

    public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode, Bounds(spec));
        var l = spec.Number("l", 0);
        var u = spec.Number("u", 100);
        var (min, max) = (parameters["min"], parameters["max"]);
        var range = max - min;
        var span = u - l;
        if (range != 0 && double.IsFinite(span) && double.IsFinite(range))
        {
            // The usual case, its conditions tested once rather than per cell (the same arithmetic as below, a vector
            // of cells at a time: the same operations in the same order on each cell give the same bits).
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var (vl, vmin, vrange, vspan) = (new Vector<double>(l), new Vector<double>(min), new Vector<double>(range), new Vector<double>(span));
                var missing = new Vector<double>(double.NaN);
                for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                {
                    var v = new Vector<double>(values[i..]);
                    Vector.ConditionalSelect(Vector.Equals(v, v), vl + (v - vmin) / vrange * vspan, missing).CopyTo(output[i..]);
                }
            }

            for (; i < values.Length; i++)
            {
                var v = values[i];
                output[i] = double.IsNaN(v) ? double.NaN : l + (v - min) / range * span;
            }

            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            output[i] = double.IsNaN(v) ? double.NaN
                : range == 0 ? l / 2 + u / 2
                : double.IsFinite(span) && double.IsFinite(range) ? l + (v - min) / range * span
                : Between(l, u, v / 2 - min / 2, max / 2 - min / 2);
        }
    }

    /// <summary>
    /// l + t·(u − l) with t = part/whole, as (1 − t)·l + t·u: when u − l or the data's range overflows (l = −1e308,
    /// u = 1e308) the halved range stays finite and so does every score.
    /// </summary>
    private static double Between(double l, double u, double part, double whole)
    {
        var t = part / whole;
        return (1 - t) * l + t * u;
    }

    private static IEnumerable<ParameterProblem> Bounds(MethodSpec spec)
    {
        var l = spec.Number("l", 0);
        var u = spec.Number("u", 100);
        if (!(l < u))
        {
            yield return new ParameterProblem("u", string.Create(CultureInfo.InvariantCulture, $"'u' must be greater than 'l' (l = {l}, u = {u})."));
        }
    }
}
