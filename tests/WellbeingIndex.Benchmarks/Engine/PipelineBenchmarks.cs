using BenchmarkDotNet.Attributes;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>Full build (normalise + 2-level aggregation + the index's ranks) for 33,000 areas × 40 indicators.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private IndexDefinition _definition = null!;
    private IndicatorData _data = null!;

    [GlobalSetup]
    public void Setup() => (_definition, _data) = SyntheticIndex.Create();

    [Benchmark]
    public int FullBuild()
    {
        var result = IndexPipeline.Run(_definition, _data);
        return result.Index.Ranks[0];
    }

    /// <summary>The same without ranking, to show what ranking costs.</summary>
    [Benchmark]
    public double ScoresOnly() => IndexPipeline.Run(_definition, _data).Index.Scores[0];
}
