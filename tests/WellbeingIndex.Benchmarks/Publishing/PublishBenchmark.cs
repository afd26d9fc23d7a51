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
/// <c>publish [areas…] [--indicators N]</c>: publishes synthetic runs to Table Storage (<c>WELLBEING_TABLES</c>, else an
/// Azurite started here) and prints rows written, seconds and rows per second, then the same for reading the run back.
/// Defaults: 33 and 5,000 areas, 10 indicators in 3 domains. Each run goes to fresh tables.
/// </summary>
public static class PublishBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var indicators = 10;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--indicators" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var k) && k > 0)
            {
                indicators = k;
            }
            else if (int.TryParse(args[i], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                sizes.Add(n);
            }
            else
            {
                Console.Error.WriteLine($"publish: '{args[i]}' is not an area count or --indicators N. Usage: publish [areas…] [--indicators N]");
                return 2;
            }
        }

        if (sizes.Count == 0)
        {
            sizes.AddRange([33, 5000]);
        }

        var connection = Environment.GetEnvironmentVariable("WELLBEING_TABLES");
        await using var azurite = string.IsNullOrWhiteSpace(connection) ? await AzuriteProcess.StartAsync() : null;
        connection ??= azurite!.ConnectionString;
        Console.WriteLine($"Table Storage: {(azurite is null ? "WELLBEING_TABLES" : $"Azurite (in memory) on port {azurite.Port}")}; " +
                          $"{Environment.ProcessorCount} processors; {indicators} indicators in 3 domains");
        Console.WriteLine("areas   rows written   publish s   rows/s   | rows read   read s   rows/s");
        foreach (var areas in sizes)
        {
            var run = Synthetic(areas, indicators);
            var store = new TableResultStore(connection, "Bench" + Guid.NewGuid().ToString("N")[..12]);
            await store.GetLatestRunAsync(run.Framework.Id); // creates the tables outside the timing

            var clock = Stopwatch.StartNew();
            var published = await store.PublishAsync(run);
            var publishSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var read = (await store.GetAreaScoresAsync(published.FrameworkId, published.RunId)).Count
                       + (await store.GetIndicatorValuesAsync(published.FrameworkId, published.RunId)).Count;
            var readSeconds = clock.Elapsed.TotalSeconds;

            // Area scores + area history + indicator values, plus the run row, its completion and the latest pointer.
            var written = (2 * areas) + (areas * indicators) + 3;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{areas,5}   {written,12}   {publishSeconds,9:F2}   {written / publishSeconds,6:F0}   | {read,9}   {readSeconds,6:F2}   {read / readSeconds,6:F0}"));
        }

        return 0;
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
