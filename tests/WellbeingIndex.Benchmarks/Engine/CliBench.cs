using System.Diagnostics;
using System.Globalization;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>
/// The CLI's <c>compute</c> on the 33,000 × 40 COINr pair that <see cref="CoinrFiles"/> writes (made first when absent).
/// <c>cli [runs] [--exe PATH] [--dir DIR]</c> spawns the executable <c>runs</c> times and prints the median wall-clock
/// and CPU (user + system) time of the whole process; <c>cli-stages [runs]</c> times reading, building and writing
/// in this process (the first, cold, run apart), to show where the time goes.
/// </summary>
public static class CliBench
{
    private const string DefaultExe = "src/WellbeingIndex.Cli/bin/Release/net10.0/wellbeing";

    public static int Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? r : 11;
        var exe = Option(args, "--exe") ?? DefaultExe;
        var directory = Files(Option(args, "--dir"));
        if (!File.Exists(exe))
        {
            Console.Error.WriteLine($"no executable at {exe}: dotnet build src/WellbeingIndex.Cli -c Release, or publish it (README) and pass --exe");
            return 1;
        }

        var output = Path.Combine(directory, "result.csv");
        var wall = new double[runs];
        var cpu = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(exe, ["compute", "--idata", Path.Combine(directory, "iData.csv"), "--imeta", Path.Combine(directory, "iMeta.csv"), "--out", output])
            {
                RedirectStandardOutput = true,
            };
            var before = ChildrenCpuSeconds();
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            wall[i] = watch.Elapsed.TotalSeconds;
            cpu[i] = ChildrenCpuSeconds() - before;
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{exe} exited with {process.ExitCode}");
                return 1;
            }
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wellbeing compute, 33,000 areas x 40 indicators (read, build, write), {exe}; {Environment.ProcessorCount} cores; {runs} runs; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole process: median {wall[runs / 2]:F3} s wall (min {wall[0]:F3}), median {cpu[runs / 2]:F3} s CPU user+system (min {cpu[0]:F3})"));
        return 0;
    }

    public static int Stages(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? r : 10;
        var directory = Files(Option(args, "--dir"));
        var steps = new[]
        {
            new StepDefinition(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 0), ("u", 100))),
            new StepDefinition(StepNames.Aggregate, new MethodSpec("amean")),
        };
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read, build, write in process; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        for (var i = 0; i <= runs; i++)
        {
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var (data, definition) = CoinrInput.Read(Path.Combine(directory, "iData.csv"), Path.Combine(directory, "iMeta.csv"), steps);
            var read = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu1 = process.TotalProcessorTime;
            var result = IndexPipeline.Run(definition, data);
            var build = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu2 = process.TotalProcessorTime;
            using (var writer = new StreamWriter(new FileStream(Path.Combine(directory, "stages.csv"), FileMode.Create, FileAccess.Write, FileShare.Read, 0), new System.Text.UTF8Encoding(false), 1 << 16))
            {
                IndexResultCsv.Write(result, writer);
            }

            var write = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "cold" : "warm")}: read {read:F0} ms, build {build - read:F0} ms, write {write - build:F0} ms; CPU {(cpu1 - cpu0).TotalMilliseconds:F0} + {(cpu2 - cpu1).TotalMilliseconds:F0} + {(process.TotalProcessorTime - cpu2).TotalMilliseconds:F0} ms"));
        }

        return 0;
    }

    /// <summary>
    /// Reads the iData of <c>cli-stages</c> into columns <c>runs</c> times, in parts on every core or, with
    /// <c>--whole</c>, row by row, and prints the median and least wall-clock and CPU time (the whole process's, GC
    /// included). Compare the two in separate processes: the JIT's tiering of one path skews the other's figures.
    /// </summary>
    public static int ReadInParts(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? r : 15;
        var whole = args.Contains("--whole");
        var path = Path.Combine(Files(Option(args, "--dir")), "iData.csv");
        using var process = Process.GetCurrentProcess();
        var wall = new double[runs];
        var cpu = new double[runs];
        for (var i = -1; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var data = CoinrInput.ReadData(whole ? CsvTable.ReadFile(path, 1, long.MaxValue) : CsvTable.ReadFile(path));
            var elapsed = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            if (i >= 0)
            {
                wall[i] = elapsed;
                cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
            }

            GC.KeepAlive(data);
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read iData ({new FileInfo(path).Length / 1e6:F1} MB) {(whole ? "row by row" : "in parts")}; {Environment.ProcessorCount} cores; {runs} runs, the first (cold) apart; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {wall[runs / 2]:F1} ms wall (min {wall[0]:F1}), median {cpu[runs / 2]:F1} ms CPU (min {cpu[0]:F1})"));
        return 0;
    }

    private static string Files(string? directory)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "wellbeing-bench");
        if (!File.Exists(Path.Combine(directory, "iData.csv")))
        {
            CoinrFiles.Run([directory]);
        }

        return directory;
    }

    /// <summary>User + system CPU of the reaped children (getrusage RUSAGE_CHILDREN): a process's own figure is gone once it exits.</summary>
    private static double ChildrenCpuSeconds()
    {
        var usage = new long[18];
        if (GetRusage(-1, usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, long[] usage);

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
