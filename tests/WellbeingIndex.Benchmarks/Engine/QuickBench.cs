using System.Diagnostics;
using System.Globalization;
using WellbeingIndex.Delimited;
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
        if (args.Length > 0 && args[0] == "methods")
        {
            return Methods(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "format")
        {
            return Format(args.Skip(1).ToArray());
        }

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

    /// <summary>
    /// `quick methods [runs]`: each normalisation of one 33,000-row column (2 % missing), median wall and CPU time per
    /// call on one thread: CPU time is what a loaded machine inflates least.
    /// </summary>
    private static int Methods(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var (_, data) = SyntheticIndex.Create(indicators: 1, groups: 1);
        var column = data.Column("i00").ToArray();
        var output = new double[column.Length];
        var context = WellbeingIndex.Engine.Methods.ColumnContext.For("i00", data.AreaCodes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one normalisation, {column.Length:N0} rows, 2% missing; {runs} calls each; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var method in new[] { "minmax", "zscore", "goalposts", "rank", "prank", "exprank" })
        {
            var normaliser = WellbeingIndex.Engine.Methods.MethodRegistry.Default.Get<WellbeingIndex.Engine.Methods.INormaliser>(method);
            var spec = method == "goalposts"
                ? WellbeingIndex.Engine.Methods.MethodSpec.Of("goalposts", ("min", 1), ("max", 20))
                : new WellbeingIndex.Engine.Methods.MethodSpec(method);
            for (var i = 0; i < 50; i++) normaliser.Normalise(column, output, spec, context);
            var times = new double[runs];
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                normaliser.Normalise(column, output, spec, context);
                times[i] = watch.Elapsed.TotalMicroseconds;
            }

            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuBefore;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{method,-10} median {times[runs / 2],8:F1} us, min {times[0],8:F1} us, CPU {cpu.TotalMicroseconds / runs,8:F1} us per call, {allocated / runs} B allocated"));
        }

        return 0;
    }

    /// <summary>
    /// `quick format [rounds]`: ns per number formatting 1,000,000 values like a result table's (0.x, x.x and xx.x with
    /// 16–17 significant digits, some whole numbers) with the CSV writer's <see cref="CsvRecordWriter.FormatNumber"/> and
    /// with .NET's <c>double.TryFormat</c>, one thread, median and minimum of the rounds, and the median of the
    /// thread's CPU time (what a loaded machine inflates least).
    /// </summary>
    private static int Format(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var random = new Random(20261201);
        var values = new double[1_000_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 4) switch
            {
                0 => random.NextDouble(),
                1 => random.NextDouble() * 10,
                2 => random.NextDouble() * 100,
                _ => i % 40 == 3 ? random.Next(1, 33_001) : random.NextDouble() * 100,
            };
        }

        var buffer = new char[CsvRecordWriter.MaxNumberLength];
        long checksum = 0;
        var cpu = new List<double>();
        double Time(Func<double, char[], int> format)
        {
            var cpuBefore = ThreadCpuNanoseconds();
            var watch = Stopwatch.StartNew();
            foreach (var v in values)
            {
                checksum += format(v, buffer);
            }

            var wall = watch.Elapsed.TotalNanoseconds / values.Length;
            cpu.Add((ThreadCpuNanoseconds() - cpuBefore) / (double)values.Length);
            return wall;
        }

        static int Writer(double v, char[] b) => CsvRecordWriter.FormatNumber(v, b);
        static int DotNet(double v, char[] b) => v.TryFormat(b, out var n, default, CultureInfo.InvariantCulture) ? n : 0;
        var (writer, dotnet) = (new double[rounds], new double[rounds]);
        for (var i = 0; i < 3; i++)
        {
            Time(Writer);
            Time(DotNet);
        }

        var (writerCpu, dotnetCpu) = (new double[rounds], new double[rounds]);
        for (var i = 0; i < rounds; i++)
        {
            writer[i] = Time(Writer);
            writerCpu[i] = cpu[^1];
            dotnet[i] = Time(DotNet);
            dotnetCpu[i] = cpu[^1];
        }

        Array.Sort(writer);
        Array.Sort(dotnet);
        Array.Sort(writerCpu);
        Array.Sort(dotnetCpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"format {values.Length:N0} doubles, one thread, {rounds} rounds; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (checksum {checksum})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CsvRecordWriter.FormatNumber median {writer[rounds / 2]:F1} ns, min {writer[0]:F1} ns per number; thread CPU median {writerCpu[rounds / 2]:F1} ns"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"double.TryFormat             median {dotnet[rounds / 2]:F1} ns, min {dotnet[0]:F1} ns per number; thread CPU median {dotnetCpu[rounds / 2]:F1} ns"));
        return 0;
    }

    /// <summary>CPU time of the calling thread (clock_gettime CLOCK_THREAD_CPUTIME_ID), in nanoseconds.</summary>
    private static long ThreadCpuNanoseconds()
    {
        var time = new long[2];
        if (ClockGetTime(3, time) != 0)
        {
            throw new InvalidOperationException("clock_gettime failed");
        }

        return time[0] * 1_000_000_000 + time[1];
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, long[] time);
}
