using System.Diagnostics;
using System.Globalization;
using WellbeingIndex.Engine.Analysis;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>
/// The issue's analysis targets at 33,000 areas × 40 indicators, each in one process run so that a wrapper such as
/// <c>/usr/bin/time -v</c> gives the whole-process time and peak memory:
/// <c>uncertainty [runs]</c> (weights ±25 %), <c>sobol [N]</c> (5 inputs, N·7 runs), <c>audit [repeats]</c>.
/// Prints the elapsed time of the analysis itself and the process's peak working set.
/// </summary>
public static class AnalysisBench
{
    public static int Run(string what, string[] args)
    {
        var (definition, data) = SyntheticIndex.Create();
        var watch = Stopwatch.StartNew();
        string summary;
        switch (what)
        {
            case "uncertainty":
            {
                var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
                var result = UncertaintyAnalysis.Run(definition, data, new UncertaintyOptions { Runs = runs, WeightNoise = 0.25 });
                summary = $"uncertainty: {runs} runs, weights ±25 %; area 0 rank interval {result.Areas[0].RankP05}–{result.Areas[0].RankP95}";
                break;
            }

            case "sobol":
            {
                var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
                var inputs = new[] { "weights:0.25", "aggregate:amean,min", "normalise:minmax,prank", "treat:on,off" }
                    .SelectMany(u => UncertainInput.Parse(u, definition)).ToList();
                var result = SensitivityAnalysis.Run(definition, data, new SensitivityOptions { Inputs = inputs, Runs = n, Sobol = true });
                summary = $"sobol: {inputs.Count} inputs ({string.Join(", ", inputs.Select(i => i.Name))}), N = {n}, {result.RunCount} runs; "
                    + string.Join("; ", result.Sobol.Select(s => FormattableString.Invariant($"{s.Input} S {s.First:0.000} ST {s.Total:0.000}")));
                break;
            }

            case "audit":
            {
                var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
                var result = IndexPipeline.Run(definition, data);
                _ = AuditResult.Of(result);
                var times = new double[repeats];
                for (var i = 0; i < repeats; i++)
                {
                    var w = Stopwatch.StartNew();
                    _ = AuditResult.Of(result);
                    times[i] = w.Elapsed.TotalMilliseconds;
                }

                Array.Sort(times);
                summary = FormattableString.Invariant($"audit (after one warm-up): median {times[repeats / 2]:F0} ms over {repeats} repeats, min {times[0]:F0} ms");
                break;
            }

            case "profile":
            {
                // CPU time (not wall: the machine is shared) of the pieces of one weights-only run, single-threaded.
                var result = IndexPipeline.Run(definition, data);
                var scores = result.Index.Scores.ToArray();
                var ranks = new int[scores.Length];
                static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
                var c = Cpu();
                for (var i = 0; i < 200; i++) WellbeingIndex.Engine.Results.Ranking.RankDescending(scores, ranks);
                var rankMs = (Cpu() - c) / 200;
                c = Cpu();
                for (var i = 0; i < 200; i++) WellbeingIndex.Engine.Results.Ranking.RankDescendingByRadix(scores, ranks);
                var radixMs = (Cpu() - c) / 200;
                c = Cpu();
                for (var i = 0; i < 200; i++) WellbeingIndex.Engine.Results.Ranking.RankDescending(scores, ranks);
                rankMs = (rankMs + (Cpu() - c) / 200) / 2;
                var cols = definition.Indicators.Select(x => result[x.Code].Scores.ToArray()).ToArray();
                var agg = WellbeingIndex.Engine.Methods.MethodRegistry.Default.Get<WellbeingIndex.Engine.Methods.IAggregator>("amean");
                var ctx = WellbeingIndex.Engine.Methods.ColumnContext.For("x", data.AreaCodes);
                var outp = new double[scores.Length];
                c = Cpu();
                for (var i = 0; i < 200; i++) agg.Aggregate(new WellbeingIndex.Engine.Methods.AggregationInput(cols, cols.Select(_ => 1.0).ToArray(), new WellbeingIndex.Engine.Methods.MethodSpec("amean"), ctx), outp);
                var aggMs = (Cpu() - c) / 200;
                var groups = Enumerable.Range(0, 4).Select(g => cols.Where((_, k) => k % 4 == g).ToArray()).ToArray();
                var outs = Enumerable.Range(0, 8).Select(_ => new double[scores.Length]).ToArray();
                c = Cpu();
                for (var i = 0; i < 25; i++)
                {
                    foreach (var g in groups)
                    {
                        WellbeingIndex.Engine.Uncertainty.Kernels.Means(new(outs.Select(_ => g).ToArray(), outs.Select(_ => g.Select(_ => 1.0).ToArray()).ToArray(), outs, new bool[8]), 0);
                    }
                }

                var kernelMs = (Cpu() - c) / 200;
                var uc = Cpu();
                var small = UncertaintyAnalysis.Run(definition, data, new UncertaintyOptions { Runs = 200, WeightNoise = 0.25 });
                var uMs = (Cpu() - uc) / 200;
                summary = FormattableString.Invariant($"CPU: rank {rankMs:F2} ms (radix {radixMs:F2} ms), amean of 40 columns {aggMs:F2} ms, kernel {kernelMs:F2} ms per run, uncertainty {uMs:F2} ms per run (200 runs) {small.Areas.Count}");
                break;
            }

            default:
                return 2;
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"33,000 areas x 40 indicators; {Environment.ProcessorCount} cores; {summary}; analysis {watch.Elapsed.TotalSeconds:F2} s (incl. nominal run), process CPU {process.TotalProcessorTime.TotalSeconds:F2} s; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB"));
        return 0;
    }
}
