using BenchmarkDotNet.Running;
using WellbeingIndex.Benchmarks.Api;
using WellbeingIndex.Benchmarks.Engine;
using WellbeingIndex.Benchmarks.Publishing;
using WellbeingIndex.Benchmarks.SmallAreas;

// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- quick      (engine: median, allocations, peak memory)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- quick format [rounds]  (ns per number: CSV writer vs double.TryFormat)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- engine     (engine: BenchmarkDotNet)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- panel      (33,000 x 40 x 5 panel per time mode; London, every period)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- methods    (each normalisation on 33,000 rows)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- telemetry  (cost of the engine-build activity, with and without a listener)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- coinr DIR  (writes the 33,000 x 40 iData/iMeta for the CLI)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- cli [runs] [--exe PATH] [--dir DIR]
//   (whole process of `wellbeing compute` on those files: median wall and CPU; cli-stages [runs]: read/build/write in process;
//   cli-read [runs] [--whole]: reading iData in parts, or row by row, in process)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- api        (HTTP compute latency, 33 boroughs)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- api-loop [requests] [warmup] [?detail=full]
//   (the what-if handler in process on one thread: CPU us and KB allocated per request)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- publish    (rows/s publishing to Azurite)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- latest     (GET runs/latest req/s on Table Storage)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- smallareas (england-lsoa and imd2025, 33,755 LSOAs, real files)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- uncertainty [runs] | sobol [N] | audit [repeats]
//   (analysis targets, one per process: wrap in /usr/bin/time -v for whole-process time and peak memory)
var command = args.Length > 0 ? args[0] : "quick";
var rest = args.Skip(1).ToArray();
return command switch
{
    "quick" => QuickBench.Run(rest),
    "engine" => Run(BenchmarkRunner.Run<PipelineBenchmarks>(args: rest)),
    "panel" => Run(BenchmarkRunner.Run<PanelBenchmarks>(args: rest)),
    "methods" => Run(BenchmarkRunner.Run<MethodBenchmarks>(args: rest)),
    "telemetry" => Run(BenchmarkRunner.Run<TelemetryBenchmarks>(args: rest)),
    "coinr" => CoinrFiles.Run(rest),
    "cli" => CliBench.Run(rest),
    "cli-stages" => CliBench.Stages(rest),
    "cli-read" => CliBench.ReadInParts(rest),
    "api" => await ComputeLatencyBenchmark.RunAsync(rest),
    "api-loop" => await ComputeLoopBenchmark.RunAsync(rest),
    "publish" => await PublishBenchmark.RunAsync(rest),
    "latest" => await LatestRunThroughputBenchmark.RunAsync(rest),
    "uncertainty" or "sobol" or "audit" or "profile" => AnalysisBench.Run(command, rest),
    "smallareas" => await SmallAreaBench.RunAsync(rest),
    _ => Usage(),
};

static int Run(BenchmarkDotNet.Reports.Summary summary) => summary.HasCriticalValidationErrors ? 1 : 0;

static int Usage()
{
    Console.Error.WriteLine("usage: quick [runs] | quick methods [runs] | quick format [rounds] | coinr [dir] | cli [runs] [--exe PATH] [--dir DIR] | cli-stages [runs] | cli-read [runs] [--whole] | engine | panel | methods | telemetry [BenchmarkDotNet args] | api | api-loop [requests] [warmup] [query] | publish [areas...] [--indicators N] [--framework id...] | latest [seconds] [connections] | smallareas [runs] | uncertainty [runs] | sobol [N] | audit [repeats]");
    return 2;
}
