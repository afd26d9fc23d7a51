using BenchmarkDotNet.Attributes;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>
/// Scores comparable over time: a 33,000-area × 40-indicator × 5-period panel (the synthetic build of
/// <see cref="SyntheticIndex"/>, each later period drifting up to ±10 %) in each time mode, with and without
/// winsorisation and panel imputation; and every period of the London framework from the real data (2020–2023).
/// </summary>
[MemoryDiagnoser]
public class PanelBenchmarks
{
    private IndexDefinition _definition = null!;
    private IndexDefinition _treated = null!;
    private PanelData _panel = null!;
    private FrameworkRunner _runner = null!;
    private Framework _london = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_definition, _panel) = Create();
        _treated = _definition.With(steps: [new StepDefinition(StepNames.Treat, new MethodSpec("winsorise")), .. _definition.Steps]);
        var context = new ProviderContext(DataDirectory.Resolve(Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable)));
        _runner = new FrameworkRunner(ProviderCatalog.Discover(context, [BuiltInIndicators.Assembly]), SystemClock.Instance);
        _london = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london");
    }

    [Benchmark]
    public double PerPeriod() => Index(PanelPipeline.Run(_definition, _panel, new PanelOptions(TimeDefinition.PerPeriod)));

    [Benchmark]
    public double Pooled() => Index(PanelPipeline.Run(_definition, _panel, new PanelOptions(TimeDefinition.Pooled)));

    [Benchmark]
    public double BasePeriod() => Index(PanelPipeline.Run(_definition, _panel, new PanelOptions(new TimeDefinition(TimeMode.BasePeriod, "2018"))));

    [Benchmark]
    public double PooledWinsorised() => Index(PanelPipeline.Run(_treated, _panel, new PanelOptions(TimeDefinition.Pooled)));

    [Benchmark]
    public double PooledLinearImputation() =>
        Index(PanelPipeline.Run(_definition, _panel, new PanelOptions(TimeDefinition.Pooled, new MethodSpec("linear-constant"))));

    [Benchmark]
    public async Task<double> LondonEveryPeriod()
    {
        var series = await _runner.ComputeSeriesAsync(_london, ReferencePeriod.ForCalendarYear(2020), ReferencePeriod.ForCalendarYear(2023));
        return Index(series.Result);
    }

    private static double Index(PanelResult r) => r.Results[^1].Index.Ranks[0] + r.Results[0].Index.Scores[0];

    public static (IndexDefinition Definition, PanelData Panel) Create(int periods = 5)
    {
        var (definition, data) = SyntheticIndex.Create();
        var random = new Random(8);
        var list = new List<(ReferencePeriod, IndicatorData)>();
        for (var p = 0; p < periods; p++)
        {
            var columns = data.ColumnCodes.ToDictionary(c => c, c =>
            {
                var column = data.Column(c).ToArray();
                for (var i = 0; i < column.Length; i++)
                {
                    column[i] *= p == 0 ? 1 : 0.9 + 0.2 * random.NextDouble();
                }

                return column;
            });
            list.Add((ReferencePeriod.ForCalendarYear(2018 + p), new IndicatorData(data.AreaCodes, columns)));
        }

        return (definition, new PanelData(list));
    }
}
