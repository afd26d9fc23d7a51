using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Tests.Pipeline;

/// <summary>
/// A four-area example small enough to compute by hand (see <see cref="IndexPipelineTests"/> for the arithmetic):
/// income = mean(pay ×2, rent ×1, rent lower is better), green = parks, index = mean(income, green).
/// </summary>
internal static class Examples
{
    public static IndicatorData FourAreas() => new(
        ["A", "B", "C", "D"],
        new Dictionary<string, double[]>
        {
            ["pay"] = [400, 500, 600, 800],
            ["rent"] = [900, 1000, 1200, double.NaN],
            ["parks"] = [20, 30, 10, 40],
        },
        ["Alpha", "Beta", "Gamma", "Delta"],
        new Dictionary<string, string[]> { ["region"] = ["N", "N", "S", "S"] });

    public static IReadOnlyList<NodeDefinition> Nodes(double? incomeMinCoverage = null) =>
    [
        new() { Code = "pay", Type = NodeType.Indicator, Parent = "income", Weight = 2 },
        new() { Code = "rent", Type = NodeType.Indicator, Parent = "income", Direction = -1 },
        new() { Code = "parks", Type = NodeType.Indicator, Parent = "green" },
        new() { Code = "income", Type = NodeType.Aggregate, Parent = "index", MinCoverage = incomeMinCoverage },
        new() { Code = "green", Type = NodeType.Aggregate, Parent = "index" },
        new() { Code = "index", Type = NodeType.Aggregate },
    ];

    public static StepDefinition MinMax(double l = 0, double u = 100) => new(StepNames.Normalise, MethodSpec.Of("minmax", ("l", l), ("u", u)));

    public static StepDefinition Mean() => new(StepNames.Aggregate, new MethodSpec("amean"));

    public static IndexDefinition Definition(params StepDefinition[] steps) =>
        IndexDefinition.Create("four", Nodes(), steps.Length == 0 ? [MinMax(), Mean()] : steps);
}
