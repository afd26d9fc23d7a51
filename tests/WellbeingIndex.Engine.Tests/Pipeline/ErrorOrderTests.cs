using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Engine.Tests.Pipeline;

public class ErrorOrderTests
{
    [Fact]
    public void When_several_aggregates_fail_the_first_in_definition_order_is_reported()
    {
        // gmean needs positive values: 'income' (pay −1 in area C) and 'green' (parks −5 in area A) both fail at level 1,
        // computed in parallel. The error must name 'income', defined first, on every run, not whichever thread lost.
        var data = new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]>
        {
            ["pay"] = [1, 2, -1],
            ["rent"] = [1, 2, 3],
            ["parks"] = [-5, 2, 3],
        });
        NodeDefinition[] nodes =
        [
            new() { Code = "pay", Type = NodeType.Indicator, Parent = "income" },
            new() { Code = "rent", Type = NodeType.Indicator, Parent = "income" },
            new() { Code = "parks", Type = NodeType.Indicator, Parent = "green" },
            new() { Code = "income", Type = NodeType.Aggregate, Parent = "index" },
            new() { Code = "green", Type = NodeType.Aggregate, Parent = "index" },
            new() { Code = "index", Type = NodeType.Aggregate },
        ];
        var definition = IndexDefinition.Create("order", nodes, [new StepDefinition(StepNames.Aggregate, new MethodSpec("gmean"))]);

        for (var run = 0; run < 50; run++)
        {
            var e = Assert.Throws<IndexComputationException>(() => IndexPipeline.Run(definition, data));
            Assert.StartsWith("gmean for 'income': child 1 of area 'C' is -1", e.Message);
        }
    }
}
