using ScottPlot;
using WellbeingIndex.Engine.Analysis;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Cli;

/// <summary>
/// The PNG plots <c>audit</c> and <c>sensitivity</c> write beside their CSV files: rank intervals (as COINr's
/// <c>plot_uncertainty</c>), Sobol indices with their intervals, the indicators' correlation heat map and their
/// distributions. Rendered headless (ScottPlot on SkiaSharp's dependency-free native build).
/// </summary>
internal static class Plots
{
    private const int Width = 1200;
    private const int Height = 700;

    /// <summary>correlation_heatmap.png and distributions.png; returns the file names written.</summary>
    public static IReadOnlyList<string> WriteAudit(IndexResult result, AuditResult audit, string folder)
    {
        _ = audit;
        var indicators = result.Definition.Indicators.Select(i => i.Code).ToArray();
        var columns = indicators.Select(c => result[c].Scores.ToArray()).ToArray();
        var k = indicators.Length;

        var heat = new Plot();
        var matrix = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                var r = a == b ? 1 : Correlation.Pearson(columns[a], columns[b]);
                // Row 0 of a ScottPlot heat map is drawn at the top.
                matrix[a, b] = double.IsNaN(r) ? 0 : r;
                matrix[b, a] = double.IsNaN(r) ? 0 : r;
            }
        }

        var map = heat.Add.Heatmap(matrix);
        map.Colormap = new ScottPlot.Colormaps.MellowRainbow();
        map.ManualRange = new ScottPlot.Range(-1, 1);
        heat.Add.ColorBar(map);
        heat.Axes.Margins(0, 0);
        Ticks(heat.Axes.Bottom, indicators, rotate: true);
        Ticks(heat.Axes.Left, indicators.Reverse().ToArray(), rotate: false);
        heat.Title($"{result.Definition.Id}: Pearson correlations of the normalised indicators");
        heat.SavePng(Path.Combine(folder, "correlation_heatmap.png"), Math.Max(Width, 24 * k + 300), Math.Max(Height, 24 * k + 200));

        var dist = new Plot();
        var boxes = new List<Box>();
        for (var j = 0; j < k; j++)
        {
            var v = columns[j].Where(x => !double.IsNaN(x)).Order().ToArray();
            if (v.Length == 0) continue;
            boxes.Add(new Box
            {
                Position = j,
                WhiskerMin = v[0],
                BoxMin = UncertaintyAnalysis.Quantile(v, 0.25),
                BoxMiddle = UncertaintyAnalysis.Quantile(v, 0.5),
                BoxMax = UncertaintyAnalysis.Quantile(v, 0.75),
                WhiskerMax = v[^1],
            });
        }

        dist.Add.Boxes(boxes);
        Ticks(dist.Axes.Bottom, indicators, rotate: true);
        dist.YLabel("normalised value");
        dist.Title($"{result.Definition.Id}: distribution of each normalised indicator (box: quartiles, whiskers: min-max)");
        dist.SavePng(Path.Combine(folder, "distributions.png"), Math.Max(Width, 24 * k + 200), Height);
        return ["correlation_heatmap.png", "distributions.png"];
    }

    /// <summary>rank_intervals.png and, for a Sobol design, sobol_indices.png; returns the file names written.</summary>
    public static IReadOnlyList<string> WriteSensitivity(string id, SensitivityResult sensitivity, IReadOnlyList<string> areaNames, string folder)
    {
        var files = new List<string>();
        var ranked = sensitivity.Areas.Select((a, i) => (Area: a, Name: areaNames[i])).Where(x => x.Area.NominalRank > 0 && !double.IsNaN(x.Area.MedianRank))
            .OrderBy(x => x.Area.NominalRank).ToList();
        // Beyond 1,000 areas every k-th area is drawn, so the plot stays legible; the CSV has them all.
        var every = Math.Max(1, (ranked.Count + 999) / 1000);
        var shown = ranked.Where((_, i) => i % every == 0).ToList();
        var plot = new Plot();
        var xs = Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray();
        var interval = plot.Add.ErrorBar(xs, shown.Select(x => x.Area.MedianRank).ToArray(), shown.Select(x => 0.0).ToArray());
        interval.YErrorNegative = shown.Select(x => x.Area.MedianRank - x.Area.RankP05).ToArray();
        interval.YErrorPositive = shown.Select(x => x.Area.RankP95 - x.Area.MedianRank).ToArray();
        interval.Color = Colors.SteelBlue;
        var median = plot.Add.ScatterPoints(xs, shown.Select(x => x.Area.MedianRank).ToArray());
        median.Color = Colors.SteelBlue;
        median.LegendText = "median rank, 5th–95th percentile";
        var nominal = plot.Add.ScatterPoints(xs, shown.Select(x => (double)x.Area.NominalRank).ToArray());
        nominal.Color = Colors.OrangeRed;
        nominal.MarkerShape = MarkerShape.OpenCircle;
        nominal.LegendText = "nominal rank";
        if (shown.Count <= 60)
        {
            Ticks(plot.Axes.Bottom, shown.Select(x => x.Name).ToArray(), rotate: true);
        }
        else
        {
            plot.XLabel(every == 1 ? "areas by nominal rank" : $"areas by nominal rank (every {every}th of {ranked.Count})");
        }

        plot.YLabel("rank (1 = best)");
        plot.Axes.SetLimitsY(ranked.Count + 1, 0);
        plot.ShowLegend(Alignment.LowerLeft);
        var runs = sensitivity.Options.Sobol ? $"the {2 * sensitivity.Options.Runs} A and B runs of a Sobol design" : $"{sensitivity.RunCount} runs";
        plot.Title($"{id}: rank intervals over {runs} ({string.Join(", ", sensitivity.Options.Inputs.Select(i => i.Name))})");
        plot.SavePng(Path.Combine(folder, "rank_intervals.png"), Math.Max(Width, Math.Min(3000, 18 * shown.Count + 200)), Height);
        files.Add("rank_intervals.png");

        if (sensitivity.Sobol.Count > 0)
        {
            var bars = new Plot();
            var list = new List<Bar>();
            var xs2 = new List<double>();
            var ys2 = new List<double>();
            var low = new List<double>();
            var high = new List<double>();
            for (var j = 0; j < sensitivity.Sobol.Count; j++)
            {
                var s = sensitivity.Sobol[j];
                foreach (var (x, v, p05, p95, color) in new[] { (3.0 * j, s.First, s.FirstP05, s.FirstP95, Colors.SteelBlue), (3.0 * j + 1, s.Total, s.TotalP05, s.TotalP95, Colors.OrangeRed) })
                {
                    list.Add(new Bar { Position = x, Value = v, FillColor = color });
                    xs2.Add(x);
                    ys2.Add(v);
                    low.Add(double.IsNaN(p05) ? 0 : Math.Max(0, v - p05));
                    high.Add(double.IsNaN(p95) ? 0 : Math.Max(0, p95 - v));
                }
            }

            bars.Add.Bars(list);
            var ci = bars.Add.ErrorBar(xs2, ys2, xs2.Select(_ => 0.0).ToList());
            ci.YErrorNegative = low;
            ci.YErrorPositive = high;
            ci.Color = Colors.Black;
            Ticks(bars.Axes.Bottom, sensitivity.Sobol.Select(s => s.Input).ToArray(), rotate: false, positions: sensitivity.Sobol.Select((_, j) => 3.0 * j + 0.5).ToArray());
            bars.Legend.ManualItems.Add(new LegendItem { LabelText = "first order (S)", FillColor = Colors.SteelBlue });
            bars.Legend.ManualItems.Add(new LegendItem { LabelText = "total (ST)", FillColor = Colors.OrangeRed });
            bars.ShowLegend(Alignment.UpperRight);
            bars.Axes.Margins(bottom: 0);
            bars.YLabel("share of the variance of the mean absolute rank shift");
            bars.Title($"{id}: Sobol indices, N = {sensitivity.Options.Runs} ({sensitivity.RunCount} runs), bars: bootstrap 5th–95th percentile");
            bars.SavePng(Path.Combine(folder, "sobol_indices.png"), Width, Height);
            files.Add("sobol_indices.png");
        }

        return files;
    }

    private static void Ticks(IAxis axis, string[] labels, bool rotate, double[]? positions = null)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions ?? labels.Select((_, i) => (double)i).ToArray(), labels);
        if (rotate)
        {
            axis.TickLabelStyle.Rotation = -90;
            axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
            axis.MinimumSize = 7 * labels.Max(l => l.Length) + 20;
        }
    }
}
