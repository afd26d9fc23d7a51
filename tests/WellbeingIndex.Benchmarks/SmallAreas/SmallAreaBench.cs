using System.Diagnostics;
using System.Globalization;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Benchmarks.SmallAreas;

/// <summary>
/// The small-area frameworks on the real files (33,755 LSOAs): first run (parsing the files), then the median of N
/// runs after the data are loaded — providers answering from their parsed tables plus the engine — and the roll-up to
/// districts with every inequality measure.
/// </summary>
public static class SmallAreaBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var context = new ProviderContext(DataDirectory.FromEnvironment());
        var runner = new FrameworkRunner(ProviderCatalog.Discover(context, [WellbeingIndex.Indicators.BuiltInIndicators.Assembly]), SystemClock.Instance);
        var catalog = FrameworkCatalog.FromAssembly(WellbeingIndex.Indicators.BuiltInIndicators.Assembly, data: context);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; {runs} runs after the first; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var id in new[] { "england-lsoa", "imd2025" })
        {
            var framework = catalog.Get(id);
            var period = ReferencePeriod.ForCalendarYear(2025);
            var cold = Stopwatch.StartNew();
            var run = await runner.ComputeAsync(framework, period);
            var first = cold.Elapsed.TotalMilliseconds;
            var compute = new double[runs];
            var rollup = new double[runs];
            var cpu = new double[runs];
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < runs; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                run = await runner.ComputeAsync(framework, period);
                compute[i] = watch.Elapsed.TotalMilliseconds;
                process.Refresh();
                cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                watch.Restart();
                _ = PlaceRollup.Compute(run, run.Result.Definition.Root.Code, PlaceLevel.LocalAuthority, context, run.Result.Definition.HigherIsWorse, 90);
                rollup[i] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(compute);
            Array.Sort(rollup);
            Array.Sort(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{id}: {run.Result.AreaCodes.Length} areas x {framework.Definition.Indicators.Length} indicators; first run (parses the files) {first:F0} ms; "
                + $"compute after load median {compute[runs / 2]:F1} ms (p25 {compute[runs / 4]:F1}, p75 {compute[3 * runs / 4]:F1}; CPU time median {cpu[runs / 2]:F0} ms, all threads); "
                + $"roll-up to {run.Result.AreaCodes.Length:N0} LSOAs -> districts with inequality median {rollup[runs / 2]:F1} ms"));
        }

        return 0;
    }
}
