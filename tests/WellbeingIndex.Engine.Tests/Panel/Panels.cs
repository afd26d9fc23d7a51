using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Tests.Panel;

/// <summary>
/// A panel small enough to work by hand: areas A, B, C in 2020 and 2021; x higher is better, y lower is better,
/// index = mean(x, y). A improves on both (x 10 → 15, y 5 → 4) but B and C improve more, so A stays the worst.
/// </summary>
internal static class Panels
{
    public static readonly ReferencePeriod Y2020 = ReferencePeriod.ForCalendarYear(2020);
    public static readonly ReferencePeriod Y2021 = ReferencePeriod.ForCalendarYear(2021);

    public static PanelData TwoYears() => new(
    [
        (Y2020, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [10, 20, 30], ["y"] = [5, 3, 1], ["pop"] = [1, 1, 2] })),
        (Y2021, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [15, 40, 50], ["y"] = [4, 2, 0], ["pop"] = [1, 1, 2] })),
    ]);

    public static IndexDefinition Recipe(MethodSpec normalise, TimeDefinition? time = null, params StepDefinition[] before) =>
        IndexDefinition.Create("panel",
        [
            new() { Code = "x", Type = NodeType.Indicator, Parent = "index" },
            new() { Code = "y", Type = NodeType.Indicator, Parent = "index", Direction = -1 },
            new() { Code = "index", Type = NodeType.Aggregate },
        ],
        [.. before, new StepDefinition(StepNames.Normalise, normalise), new StepDefinition(StepNames.Aggregate, new MethodSpec("amean"))],
        time: time);

    public static MethodSpec MinMax => MethodSpec.Of("minmax", ("l", 0), ("u", 100));

    public static TimeDefinition Base2020 => new(TimeMode.BasePeriod, "2020");
}
