using System.Diagnostics;
using System.Globalization;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Publication;
using WellbeingIndex.Tests.Azurite;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Benchmarks.Publishing;

/// <summary>
/// <c>publish [areas…] [--indicators N] [--framework id…]</c>: publishes runs to Table Storage (<c>WELLBEING_TABLES</c>,
/// else an Azurite started here) and prints rows and bytes written, seconds, rows per second and CPU time, then reading
/// the run back, then <c>runs/latest</c>'s store work (latest run, its area scores and indicator values) from 64
/// concurrent readers for 3 s, cached and with the pointer re-read on every call. Synthetic runs (default 33 and 5,000
/// areas, 10 indicators in 3 domains) or, with <c>--framework</c>, a built-in framework computed from the data
/// directory (<c>england-lsoa</c>, <c>imd2025</c>: 33,755 LSOAs, published with their roll-ups to places). Each run goes
/// to fresh tables.
/// </summary>
public static class PublishBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var indicators = 10;
        var sizes = new List<int>();
        var frameworks = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--indicators" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var k) && k > 0)
            {
                indicators = k;
            }
            else if (args[i] == "--framework" && i + 1 < args.Length)
            {
                frameworks.Add(args[++i]);
            }
            else if (int.TryParse(args[i], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                sizes.Add(n);
            }
            else
            {
                Console.Error.WriteLine($"publish: '{args[i]}' is not an area count, --indicators N or --framework id. Usage: publish [areas…] [--indicators N] [--framework id…]");
                return 2;
            }
        }

        if (sizes.Count == 0 && frameworks.Count == 0)
        {
            sizes.AddRange([33, 5000]);
        }

        var connection = Environment.GetEnvironmentVariable("WELLBEING_TABLES");
        await using var azurite = string.IsNullOrWhiteSpace(connection) ? await AzuriteProcess.StartAsync() : null;
        connection ??= azurite!.ConnectionString;
        Console.WriteLine($"Table Storage: {(azurite is null ? "WELLBEING_TABLES" : $"Azurite (in memory) on port {azurite.Port}")}; " +
                          $"{Environment.ProcessorCount} processors; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("run                         areas  rows  MB written  publish s  rows/s  areas/s  CPU s (ours+Azurite) | read s | latest req/s cached, re-read");
        foreach (var areas in sizes)
        {
            await MeasureAsync(connection, azurite, $"synthetic x {indicators} ind.", Synthetic(areas, indicators), []);
        }

        if (frameworks.Count > 0)
        {
            var context = new ProviderContext(DataDirectory.FromEnvironment());
            var runner = new FrameworkRunner(ProviderCatalog.Discover(context, [WellbeingIndex.Indicators.BuiltInIndicators.Assembly]), SystemClock.Instance);
            var catalog = FrameworkCatalog.FromAssembly(WellbeingIndex.Indicators.BuiltInIndicators.Assembly, data: context);
            foreach (var id in frameworks)
            {
                var framework = catalog.Get(id);
                var period = await runner.LatestPeriodAsync(framework, default);
                _ = await runner.ComputeAsync(framework, period); // loads the files
                var clock = Stopwatch.StartNew();
                var run = await runner.ComputeAsync(framework, period);
                var compute = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var places = IndexPublisher.RollUp(run, context);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{id}: compute after load {compute:F2} s; roll-ups ({places.Count} node x level) {clock.Elapsed.TotalSeconds:F2} s"));
                await MeasureAsync(connection, azurite, $"{id} {period}", run, places);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string connection, AzuriteProcess? azurite, string label, FrameworkRun run, IReadOnlyList<PlaceRollup> places)
    {
        var prefix = "Bench" + Guid.NewGuid().ToString("N")[..12];
        var store = new TableResultStore(connection, prefix);
        await store.GetLatestRunAsync(run.Framework.Id); // creates the tables outside the timing
        var (rows, bytes) = Written(RunPublication.From(run, places, EngineFingerprint.Current));

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var azuriteBefore = azurite?.ProcessorTime ?? TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var published = await store.PublishAsync(run, places);
        var publishSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var azuriteCpu = ((azurite?.ProcessorTime ?? TimeSpan.Zero) - azuriteBefore).TotalSeconds;

        var reader = new TableResultStore(connection, prefix);
        clock.Restart();
        var read = (await reader.GetAreaScoresAsync(published.FrameworkId, published.RunId)).Count
                   + (await reader.GetIndicatorValuesAsync(published.FrameworkId, published.RunId)).Count;
        var readSeconds = clock.Elapsed.TotalSeconds;
        var cached = await LatestThroughputAsync(reader, published.FrameworkId);
        var reread = await LatestThroughputAsync(new TableResultStore(connection, prefix, latestRevalidation: Duration.Zero), published.FrameworkId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-26} {published.AreaCount,6} {rows,5} {bytes / 1e6,11:F1} {publishSeconds,10:F2} {rows / publishSeconds,7:F0} {published.AreaCount / publishSeconds,8:F0} {cpu,6:F2}+{azuriteCpu:F2} | {readSeconds,6:F2} | {cached,8:F0} {reread,8:F0}"));
        if (read != published.AreaCount * (published.IndicatorCount + 1))
        {
            throw new InvalidOperationException($"Read {read} rows back, expected {published.AreaCount * (published.IndicatorCount + 1)}.");
        }
    }

    /// <summary>Rows and UTF-8 bytes of property values the publish writes (entities as TableSchema builds them), plus the run row, its completion and the pointer.</summary>
    private static (int Rows, long Bytes) Written(RunPublication p)
    {
        var entities = new List<Azure.Data.Tables.TableEntity>();
        if (p.AreaScores.Count <= TableSchema.AreaRowsUpTo)
        {
            entities.AddRange(p.AreaScores.Select((a, i) => TableSchema.AreaScoreEntity("x", a, i)));
        }

        for (var b = 0; b * TableSchema.BlockSize < p.AreaScores.Count; b++)
        {
            entities.AddRange(TableSchema.BlockEntities(p, b));
        }

        entities.AddRange(p.Places.SelectMany(r => r.Places.Select(s => TableSchema.PlaceEntity(p.FrameworkId, p.RunId, r, s))));
        var bytes = entities.Sum(e => e.Sum(kv => kv.Value is string text ? System.Text.Encoding.UTF8.GetByteCount(text) : 8L));
        return (entities.Count + 3, bytes);
    }

    /// <summary>What <c>GET runs/latest</c> asks of the store, from 64 concurrent readers for 3 seconds: calls per second.</summary>
    private static async Task<double> LatestThroughputAsync(TableResultStore store, string frameworkId)
    {
        var until = Stopwatch.StartNew();
        var count = 0;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(reader => Task.Run(async () =>
        {
            while (until.Elapsed.TotalSeconds < 3)
            {
                var run = await store.GetLatestRunAsync(frameworkId) ?? throw new InvalidOperationException("No latest run.");
                _ = await store.GetAreaScoresAsync(frameworkId, run.RunId);
                _ = await store.GetIndicatorValuesAsync(frameworkId, run.RunId);
                Interlocked.Increment(ref count);
            }
        })));
        return count / until.Elapsed.TotalSeconds;
    }

    private static FrameworkRun Synthetic(int areaCount, int indicatorCount)
    {
        string[] domains = ["income", "housing", "environment"];
        var nodes = new List<NodeDefinition> { new() { Code = "index", Type = NodeType.Aggregate } };
        nodes.AddRange(domains.Select(d => new NodeDefinition { Code = d, Type = NodeType.Aggregate, Parent = "index" }));
        var codes = Enumerable.Range(1, indicatorCount).Select(k => $"indicator-{k:D2}").ToArray();
        nodes.AddRange(codes.Select((c, k) => new NodeDefinition
        {
            Code = c, Type = NodeType.Indicator, Parent = domains[k % domains.Length], Direction = k % 2 == 0 ? 1 : -1, Provider = c,
        }));
        var definition = IndexDefinition.Create("bench", nodes,
            [new StepDefinition(StepNames.Normalise, MethodSpec.Of("minmax")), new StepDefinition(StepNames.Aggregate, MethodSpec.Of("amean"))]);

        var period = ReferencePeriod.ForCalendarYear(2023);
        var areas = Enumerable.Range(1, areaCount).Select(i => new Area($"E01{i:D6}", $"Area {i}")).ToList();
        var random = new Random(20261122);
        var columns = codes.ToDictionary(c => c, _ => Enumerable.Range(0, areaCount).Select(_ => Math.Round(random.NextDouble() * 1000, 1)).ToArray());
        var result = IndexPipeline.Run(definition, new IndicatorData(areas.Select(a => a.Code).ToList(), columns, areas.Select(a => a.Name).ToList()));
        var values = codes.ToDictionary(c => c, c => (IReadOnlyList<IndicatorValue>)columns[c]
            .Select((v, i) => IndicatorValue.Ok(areas[i].Code, v, period)).ToList());
        var metadata = codes.ToDictionary(c => c, c => new IndicatorMetadata
        {
            Id = c, Name = c, Domain = "bench", Unit = "units", Direction = Direction.HigherIsBetter, Geography = GeographyLevel.Lsoa,
            Publisher = "Synthetic", Dataset = "Synthetic values", Url = new Uri("https://example.org/synthetic"),
            Licence = "Open Government Licence v3.0", PeriodKind = PeriodKind.CalendarYear,
        });
        return new FrameworkRun(new Framework("bench", definition, areas), period, result, values, metadata, SystemClock.Instance.GetCurrentInstant());
    }
}
