using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using WellbeingIndex.Engine.Diagnostics;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>
/// What the <c>wellbeing.index.build</c> activity adds to each engine build (IndexPipeline.Run does exactly this around
/// the build): without a listener, and with one sampling everything (an OpenTelemetry SDK exporting every trace).
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private ActivityListener? _listener;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Listening)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == WellbeingTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark]
    public bool BuildActivity()
    {
        using var activity = WellbeingTelemetry.Start(WellbeingTelemetry.IndexBuild);
        activity?.SetTag(WellbeingTelemetry.IndexId, "bench").SetTag(WellbeingTelemetry.Areas, 33_000).SetTag(WellbeingTelemetry.Indicators, 40);
        return activity is null;
    }
}
