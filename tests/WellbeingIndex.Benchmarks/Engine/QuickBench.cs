using System.Diagnostics;
using System.Globalization;
using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>
/// A fast figure without BenchmarkDotNet's minutes of runs: median and quartiles of N full builds, bytes allocated
/// per build and the process's peak working set (what the issue's 200 MB limit is about).
/// </summary>
public static class QuickBench
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var (definition, data) = SyntheticIndex.Create();
        for (var i = 0; i < 5; i++)
        {
            _ = IndexPipeline.Run(definition, data).Index.Ranks[0];
        }

        var times = new double[runs];
        long allocated = 0;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var total = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            _ = IndexPipeline.Run(definition, data).Index.Ranks[0];
            times[i] = watch.Elapsed.TotalMilliseconds;
            allocated += GC.GetTotalAllocatedBytes(precise: true) - total;
            _ = before;
        }

        self.Refresh();
        var cpuPerBuild = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
        Array.Sort(times);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full build, 33,000 areas x 40 indicators, 4 groups, 2% missing; {Environment.ProcessorCount} cores; {runs} runs; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {times[runs / 2]:F2} ms, p25 {times[runs / 4]:F2} ms, p75 {times[3 * runs / 4]:F2} ms, min {times[0]:F2} ms; CPU (all threads) {cpuPerBuild:F2} ms per build"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {allocated / runs / 1024.0 / 1024.0:F1} MB per build; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB"));
        return 0;
    }
}
