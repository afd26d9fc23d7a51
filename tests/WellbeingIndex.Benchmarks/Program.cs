using BenchmarkDotNet.Running;
using WellbeingIndex.Benchmarks.Api;
using WellbeingIndex.Benchmarks.Engine;
using WellbeingIndex.Benchmarks.Publishing;

// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- quick      (engine: median, allocations, peak memory)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- engine     (engine: BenchmarkDotNet)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- methods    (each normalisation on 33,000 rows)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- api        (HTTP compute latency, 33 boroughs)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- publish    (rows/s publishing to Azurite)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- uncertainty [runs] | sobol [N] | audit [repeats]
//   (analysis targets, one per process: wrap in /usr/bin/time -v for whole-process time and peak memory)
var command = args.Length > 0 ? args[0] : "quick";
var rest = args.Skip(1).ToArray();
return command switch
{
    "quick" => QuickBench.Run(rest),
    "engine" => Run(BenchmarkRunner.Run<PipelineBenchmarks>(args: rest)),
    "methods" => Run(BenchmarkRunner.Run<MethodBenchmarks>(args: rest)),
    "api" => await ComputeLatencyBenchmark.RunAsync(rest),
    "publish" => await PublishBenchmark.RunAsync(rest),
    "uncertainty" or "sobol" or "audit" or "profile" => AnalysisBench.Run(command, rest),
    _ => Usage(),
};

static int Run(BenchmarkDotNet.Reports.Summary summary) => summary.HasCriticalValidationErrors ? 1 : 0;

static int Usage()
{
    Console.Error.WriteLine("usage: quick [runs] | engine | methods [BenchmarkDotNet args] | api | publish [areas...] [--indicators N] | uncertainty [runs] | sobol [N] | audit [repeats]");
    return 2;
}
