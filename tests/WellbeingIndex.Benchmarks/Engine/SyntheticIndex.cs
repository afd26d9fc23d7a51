using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Benchmarks.Engine;

/// <summary>
/// The benchmark shape: <c>areas</c> (33,000 ≈ every LSOA) × <c>indicators</c> (40) in <c>groups</c> (4)
/// with 2 % of cells missing, min-max normalisation and two levels of arithmetic means. Fixed seed: reproducible.
/// </summary>
public static class SyntheticIndex
{
    public static (IndexDefinition Definition, IndicatorData Data) Create(int areas = 33_000, int indicators = 40, int groups = 4, double missing = 0.02, int seed = 20261122)
    {
        var random = new Random(seed);
        var nodes = new List<NodeDefinition>();
        var columns = new Dictionary<string, double[]>();
        for (var k = 0; k < indicators; k++)
        {
            var code = $"i{k:D2}";
            nodes.Add(new NodeDefinition { Code = code, Type = NodeType.Indicator, Parent = $"g{k % groups}", Direction = k % 5 == 0 ? -1 : 1, Weight = 1 + k % 3 });
            var column = new double[areas];
            for (var i = 0; i < areas; i++)
            {
                column[i] = random.NextDouble() < missing ? double.NaN : Math.Exp(random.NextDouble() * 3);
            }

            columns[code] = column;
        }

        for (var g = 0; g < groups; g++)
        {
            nodes.Add(new NodeDefinition { Code = $"g{g}", Type = NodeType.Aggregate, Parent = "index" });
        }

        nodes.Add(new NodeDefinition { Code = "index", Type = NodeType.Aggregate });
        var definition = IndexDefinition.Create("synthetic", nodes,
        [
            new StepDefinition(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 0), ("u", 100))),
            new StepDefinition(StepNames.Aggregate, new MethodSpec("amean")),
        ]);
        var codes = Enumerable.Range(0, areas).Select(i => $"E01{i:D6}").ToArray();
        return (definition, new IndicatorData(codes, columns));
    }
}
