using System.Collections.Immutable;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Panel;

/// <summary>
/// COINr's <c>impute_panel</c>: fills an indicator for one area from its own series over time, never from other areas.
/// <list type="bullet">
/// <item><c>latest</c>: the last earlier observed value, looking back at most <c>max_time</c> periods of the panel;
/// nothing before the first observation.</item>
/// <item><c>constant</c>: R's <c>approx(method = "constant", rule = 2)</c>: the previous observed value; before the first
/// observation the first.</item>
/// <item><c>linear</c>: <c>approx(method = "linear", rule = 2)</c>: straight lines between observed periods (on the
/// time axis of <see cref="PanelData.TimeValue"/>), the nearest observed value outside them; a series with fewer than
/// two observations is left as it is.</item>
/// <item><c>linear-constant</c>: linear, falling back to constant for a series with one observation.</item>
/// </list>
/// A series with no observation stays missing. An area absent from a period (no row) is not added.
/// </summary>
public static class PanelImputation
{
    public const string Latest = "latest";
    public const string Constant = "constant";
    public const string Linear = "linear";
    public const string LinearConstant = "linear-constant";

    public static IReadOnlyList<string> Methods { get; } = [Latest, Constant, Linear, LinearConstant];

    /// <summary>Imputes <paramref name="indicators"/> over time; returns the filled panel and every filled cell.</summary>
    /// <exception cref="ArgumentException">An unknown method, a parameter other than max_time, or max_time below 1 or with a method other than latest.</exception>
    public static (PanelData Data, IReadOnlyList<ImputedCell> Cells) Impute(PanelData panel, IReadOnlyList<string> indicators, MethodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(spec);
        Check(spec);
        var maxTime = spec.NumberOrNull("max_time") is { } m ? (int)m : int.MaxValue;
        var periods = panel.PeriodCount;
        var times = panel.Periods.Select(PanelData.TimeValue).ToArray();
        var columns = Enumerable.Range(0, periods)
            .Select(p => indicators.ToDictionary(c => c, c => panel[p].Column(c).ToArray(), StringComparer.Ordinal)).ToArray();
        var cells = new List<ImputedCell>();
        var rowOf = new int[periods];
        var ys = new double[periods];
        foreach (var area in panel.AreaCodes)
        {
            for (var p = 0; p < periods; p++)
            {
                rowOf[p] = panel[p].IndexOfArea(area);
            }

            foreach (var code in indicators)
            {
                for (var p = 0; p < periods; p++)
                {
                    ys[p] = rowOf[p] < 0 ? double.NaN : columns[p][code][rowOf[p]];
                }

                var observed = Enumerable.Range(0, periods).Where(p => !double.IsNaN(ys[p])).ToArray();
                if (observed.Length == 0)
                {
                    continue;
                }

                for (var p = 0; p < periods; p++)
                {
                    if (rowOf[p] < 0 || !double.IsNaN(ys[p]))
                    {
                        continue;
                    }

                    if (Fill(spec.Method, p, observed, ys, times, maxTime) is not { } fill)
                    {
                        continue;
                    }

                    columns[p][code][rowOf[p]] = fill.Value;
                    cells.Add(new ImputedCell(area, code, panel.Periods[p], fill.Value, fill.Method, [.. fill.From.Select(i => panel.Periods[i])]));
                }
            }
        }

        var data = Enumerable.Range(0, periods).Select(p =>
        {
            var d = panel[p];
            var all = d.ColumnCodes.ToDictionary(c => c, c => columns[p].TryGetValue(c, out var filled) ? filled : d.Column(c).ToArray(), StringComparer.Ordinal);
            return new IndicatorData(d.AreaCodes, all, d.AreaNames, d.Groups);
        }).ToList();
        return (panel.WithData(data), cells);
    }

    private static (double Value, string Method, int[] From)? Fill(string method, int p, int[] observed, double[] ys, double[] times, int maxTime)
    {
        var before = Array.FindLast(observed, o => o < p);
        var hasBefore = observed[0] < p;
        var after = Array.Find(observed, o => o > p);
        var hasAfter = observed[^1] > p;
        switch (method)
        {
            case Latest:
                return hasBefore && p - before <= maxTime ? (ys[before], Latest, [before]) : null;
            case Linear when observed.Length < 2:
                return null;
            case LinearConstant when observed.Length < 2:
            case Constant:
                var source = hasBefore ? before : observed[0];
                return (ys[source], Constant, [source]);
            default:
                if (!hasBefore) return (ys[observed[0]], Linear, [observed[0]]);
                if (!hasAfter) return (ys[observed[^1]], Linear, [observed[^1]]);
                var y = ys[before] + (ys[after] - ys[before]) * (times[p] - times[before]) / (times[after] - times[before]);
                return (y, Linear, [before, after]);
        }
    }

    private static void Check(MethodSpec spec)
    {
        if (!Methods.Contains(spec.Method))
        {
            throw new ArgumentException($"unknown panel imputation '{spec.Method}'; use {string.Join(", ", Methods)}.", "impute-panel");
        }

        var unknown = spec.Numbers.Keys.Concat(spec.Texts.Keys).Where(k => k != "max_time").ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown panel imputation parameter(s) {string.Join(", ", unknown)}; the only one is max_time.", "impute-panel-param");
        }

        if (spec.Texts.ContainsKey("max_time") || spec.NumberOrNull("max_time") is { } m && (m < 1 || m != Math.Floor(m)))
        {
            throw new ArgumentException("max_time must be a whole number of periods, at least 1.", "max_time");
        }

        if (spec.NumberOrNull("max_time") is not null && spec.Method != Latest)
        {
            throw new ArgumentException($"max_time applies to latest only (COINr impute_panel); {spec.Method} fills every gap of a series with an observation.", "max_time");
        }
    }
}
