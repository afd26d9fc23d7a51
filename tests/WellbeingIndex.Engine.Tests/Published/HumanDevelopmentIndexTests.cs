using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Engine.Tests.Published;

/// <summary>
/// Reproduces UNDP's Human Development Index (Human Development Report 2020, data year 2019, Table 1) from its
/// published inputs with UNDP's method: goalposts (life expectancy 20–85 years, expected schooling 0–18, mean
/// schooling 0–15, ln GNI per capita ln 100 – ln 75,000, 2017 PPP $), education = mean of its two indices,
/// HDI = geometric mean of the three dimension indices. UNDP computes from unrounded inputs but publishes them
/// rounded (one decimal; GNI to the dollar), so from the published inputs the HDI is reproduced to within 0.001:
/// Ireland and Switzerland come out 0.9556 against a published 0.955, the other three round to the published value.
/// </summary>
public class HumanDevelopmentIndexTests
{
    public const string Definition = """
        {
          "id": "hdi",
          "name": "Human Development Index (UNDP)",
          "steps": [
            {"step": "normalise", "method": "goalposts", "min": 0, "max": 1},
            {"step": "aggregate", "method": "amean"}
          ],
          "levels": [{"level": 3, "aggregate": {"method": "gmean"}}],
          "nodes": [
            {"code": "le",  "type": "indicator", "parent": "health",    "normalise": {"method": "goalposts", "min": 20, "max": 85}},
            {"code": "eys", "type": "indicator", "parent": "education", "normalise": {"method": "goalposts", "min": 0, "max": 18}},
            {"code": "mys", "type": "indicator", "parent": "education", "normalise": {"method": "goalposts", "min": 0, "max": 15}},
            {"code": "gni", "type": "indicator", "parent": "income", "transform": {"method": "log"},
             "normalise": {"method": "goalposts", "min": 4.605170185988092, "max": 11.225243392518447}},
            {"code": "health",    "type": "aggregate", "parent": "hdi"},
            {"code": "education", "type": "aggregate", "parent": "hdi"},
            {"code": "income",    "type": "aggregate", "parent": "hdi"},
            {"code": "hdi",       "type": "aggregate", "parent": null}
          ]
        }
        """;

    // HDR 2020 Table 1: life expectancy, expected years of schooling, mean years of schooling, GNI per capita, HDI.
    private static readonly (string Code, double Le, double Eys, double Mys, double Gni, double Hdi)[] Published =
    [
        ("NOR", 82.4, 18.1, 12.9, 66494, 0.957),
        ("IRL", 82.3, 18.7, 12.7, 68371, 0.955),
        ("CHE", 83.8, 16.3, 13.4, 69394, 0.955),
        ("GBR", 81.3, 17.5, 13.2, 46071, 0.932),
        ("NER", 62.4, 6.5, 2.1, 1201, 0.394),
    ];

    [Fact]
    public void Matches_the_published_HDI_within_input_rounding()
    {
        var data = new IndicatorData(
            Published.Select(p => p.Code).ToArray(),
            new Dictionary<string, double[]>
            {
                ["le"] = Published.Select(p => p.Le).ToArray(),
                ["eys"] = Published.Select(p => p.Eys).ToArray(),
                ["mys"] = Published.Select(p => p.Mys).ToArray(),
                ["gni"] = Published.Select(p => p.Gni).ToArray(),
            });

        var result = IndexPipeline.Run(IndexDefinitionJson.Read(Definition), data);

        for (var i = 0; i < Published.Length; i++)
        {
            Assert.True(Math.Abs(Published[i].Hdi - result.Index.Scores[i]) < 0.001,
                $"{Published[i].Code}: computed {result.Index.Scores[i]:F5}, published {Published[i].Hdi}");
        }

        // Norway by hand: health (82.4−20)/65 = 0.96; education (1 [18.1 capped at 18] + 12.9/15)/2 = 0.93;
        // income (ln 66494 − ln 100)/(ln 75000 − ln 100) = 0.98182; HDI = (0.96·0.93·0.98182)^(1/3) = 0.95704.
        Assert.Equal(0.96, result["health"].Scores[0], 1e-9);
        Assert.Equal(0.93, result["education"].Scores[0], 1e-9);
        Assert.Equal(0.98182, result["income"].Scores[0], 5);
        Assert.Equal(0.95704, result.Index.Scores[0], 5);
        Assert.Equal(1, result.Index.Ranks[0]);
        Assert.Equal(5, result.Index.Ranks[4]);
    }
}
