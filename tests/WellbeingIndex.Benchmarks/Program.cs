using BenchmarkDotNet.Running;
using WellbeingIndex.Benchmarks.Engine;

// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- quick      (engine: median, allocations, peak memory)
// dotnet run -c Release --project tests/WellbeingIndex.Benchmarks -- engine     (engine: BenchmarkDotNet)
var command = args.Length > 0 ? args[0] : "quick";
var rest = args.Skip(1).ToArray();
return command switch
{
    "quick" => QuickBench.Run(rest),
    "engine" => Run(BenchmarkRunner.Run<PipelineBenchmarks>(args: rest)),
    _ => Usage(),
};

static int Run(BenchmarkDotNet.Reports.Summary summary) => summary.HasCriticalValidationErrors ? 1 : 0;

static int Usage()
{
    Console.Error.WriteLine("usage: quick [runs] | engine [BenchmarkDotNet args]");
    return 2;
}
