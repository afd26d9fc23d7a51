using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication.Tests;

/// <summary>
/// Hand-sized framework runs computed by the engine: index = mean(income, housing), income = mean(pay, benefits),
/// housing = rent; min-max 0–100 normalisation, arithmetic mean aggregation.
/// </summary>
internal static class TestRuns
{
    public const string FrameworkId = "test-index";

    public static readonly Instant Noon2024 = Instant.FromUtc(2024, 6, 1, 12, 0);

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("E09000001", "City of London"),
        new("E09000002", "Barking and Dagenham"),
        new("E09000003", "Barnet"),
        new("E09000004", "Bexley"),
    ];

    public static readonly double[] Pay = [10, 20, 30, 40];

    /// <summary>Barnet's value is suppressed by the publisher.</summary>
    public static readonly double?[] Benefits = [4, 3, null, 1];

    public static readonly double[] Rent = [100, 300, 200, 400];

    public static readonly IndexDefinition Definition = IndexDefinition.Create(FrameworkId,
    [
        new NodeDefinition { Code = "index", Name = "Test index", Type = NodeType.Aggregate },
        new NodeDefinition { Code = "income", Type = NodeType.Aggregate, Parent = "index" },
        new NodeDefinition { Code = "housing", Type = NodeType.Aggregate, Parent = "index" },
        new NodeDefinition { Code = "pay", Type = NodeType.Indicator, Parent = "income", Provider = "pay-provider" },
        new NodeDefinition { Code = "benefits", Type = NodeType.Indicator, Parent = "income", Direction = -1, Provider = "benefits-provider" },
        new NodeDefinition { Code = "rent", Type = NodeType.Indicator, Parent = "housing", Direction = -1, Provider = "rent-provider" },
    ],
    [
        new StepDefinition(StepNames.Normalise, MethodSpec.Of("minmax")),
        new StepDefinition(StepNames.Aggregate, MethodSpec.Of("amean")),
    ], name: "Test index");

    /// <summary>The four areas in <paramref name="year"/>; <paramref name="payShift"/> is added to every pay value.</summary>
    public static FrameworkRun Build(int year = 2023, Instant? computedAt = null, double payShift = 0)
    {
        var period = ReferencePeriod.ForCalendarYear(year);
        var pay = Pay.Select(v => (double?)(v + payShift)).ToArray();
        return Build(Areas, period, computedAt ?? Noon2024,
            [("pay", pay), ("benefits", Benefits), ("rent", Rent.Select(v => (double?)v).ToArray())]);
    }

    /// <summary><paramref name="count"/> synthetic areas with deterministic values (for partition chunking).</summary>
    public static FrameworkRun Synthetic(int count, Instant computedAt)
    {
        var areas = Enumerable.Range(1, count).Select(i => new Area($"E01{i:D6}", $"Area {i}")).ToList();
        double? Value(int i, int k) => (i * 7919 + k * 104729) % 1000 / 10.0;
        return Build(areas, ReferencePeriod.ForCalendarYear(2023), computedAt,
        [
            ("pay", Enumerable.Range(0, count).Select(i => Value(i, 1)).ToArray()),
            ("benefits", Enumerable.Range(0, count).Select(i => Value(i, 2)).ToArray()),
            ("rent", Enumerable.Range(0, count).Select(i => Value(i, 3)).ToArray()),
        ]);
    }

    /// <summary>
    /// The four areas in 2022 and 2023 as one base-period series (base 2022): 2022 holds <see cref="Pay"/>, 2023 every pay
    /// value plus <paramref name="payRise"/>; benefits and rent are unchanged.
    /// </summary>
    public static FrameworkSeries BuildSeries(Instant? computedAt = null, double payRise = 10)
    {
        var codes = Areas.Select(a => a.Code).ToList();
        var names = Areas.Select(a => a.Name).ToList();
        var periods = new[] { ReferencePeriod.ForCalendarYear(2022), ReferencePeriod.ForCalendarYear(2023) };
        var panel = new List<(ReferencePeriod, IndicatorData)>();
        var values = new List<IReadOnlyDictionary<string, IReadOnlyList<IndicatorValue>>>();
        for (var p = 0; p < periods.Length; p++)
        {
            (string Code, double?[] Values)[] columns =
            [
                ("pay", Pay.Select(v => (double?)(v + (p * payRise))).ToArray()), ("benefits", Benefits), ("rent", Rent.Select(v => (double?)v).ToArray()),
            ];
            var period = periods[p];
            values.Add(columns.ToDictionary(c => c.Code, c => (IReadOnlyList<IndicatorValue>)c.Values.Select((v, i) => v is { } x
                ? IndicatorValue.Ok(codes[i], x, period)
                : IndicatorValue.Missing(codes[i], ValueStatus.Suppressed, "Publisher: fewer than 10 claimants", period)).ToList()));
            panel.Add((period, new IndicatorData(codes, columns.ToDictionary(c => c.Code, c => c.Values.Select(v => v ?? double.NaN).ToArray()), names)));
        }

        var definition = Definition.WithTime(new TimeDefinition(TimeMode.BasePeriod, "2022", From: "2022"));
        var result = PanelPipeline.Run(definition, new PanelData(panel));
        return new FrameworkSeries(new Framework(FrameworkId, result.Definition, Areas), result, values,
            new[] { "pay", "benefits", "rent" }.ToDictionary(c => c, Metadata), computedAt ?? Noon2024);
    }

    /// <summary>One indicator, pay, min-max normalised to 0–100 as the index, over <paramref name="areas"/> in 2023.</summary>
    public static FrameworkRun PayOnly(IReadOnlyList<Area> areas, double?[] pay, bool higherIsWorse) =>
        Build(areas, ReferencePeriod.ForCalendarYear(2023), Noon2024, [("pay", pay)], IndexDefinition.Create("pay-index",
        [
            new NodeDefinition { Code = "index", Type = NodeType.Aggregate },
            new NodeDefinition { Code = "pay", Type = NodeType.Indicator, Parent = "index", Provider = "pay-provider" },
        ],
        [
            new StepDefinition(StepNames.Normalise, MethodSpec.Of("minmax")),
            new StepDefinition(StepNames.Aggregate, MethodSpec.Of("amean")),
        ], higherIsWorse: higherIsWorse));

    private static FrameworkRun Build(IReadOnlyList<Area> areas, ReferencePeriod period, Instant computedAt, (string Code, double?[] Values)[] columns,
        IndexDefinition? definition = null)
    {
        definition ??= Definition;
        var codes = areas.Select(a => a.Code).ToList();
        var values = new Dictionary<string, IReadOnlyList<IndicatorValue>>();
        var data = new Dictionary<string, double[]>();
        foreach (var (code, column) in columns)
        {
            values[code] = column.Select((v, i) => v is { } x
                ? IndicatorValue.Ok(codes[i], x, period)
                : IndicatorValue.Missing(codes[i], ValueStatus.Suppressed, "Publisher: fewer than 10 claimants", period)).ToList();
            data[code] = column.Select(v => v ?? double.NaN).ToArray();
        }

        var result = IndexPipeline.Run(definition, new IndicatorData(codes, data, areas.Select(a => a.Name).ToList()));
        var metadata = columns.ToDictionary(c => c.Code, c => Metadata(c.Code));
        return new FrameworkRun(new Framework(definition.Id, definition, areas), period, result, values, metadata, computedAt);
    }

    private static IndicatorMetadata Metadata(string code) => new()
    {
        Id = code + "-provider",
        Name = code,
        Domain = code == "rent" ? "housing" : "income",
        Unit = "£",
        Direction = code == "pay" ? Direction.HigherIsBetter : Direction.LowerIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics",
        Dataset = code + " dataset",
        Url = new Uri($"https://www.ons.gov.uk/{code}"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
    };
}
