using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Functions.Tests.Compute;

public class WhatIfTests
{
    private static readonly IndexDefinition Definition = IndexDefinitionJson.Read("""
        {"id": "test", "steps": [{"step": "normalise", "method": "minmax"}, {"step": "aggregate", "method": "amean"}],
         "levels": [{"level": 2, "name": "Domain", "aggregate": {"method": "amean"}}],
         "nodes": [
           {"code": "index", "type": "aggregate", "parent": null},
           {"code": "income", "type": "aggregate", "parent": "index"},
           {"code": "housing", "type": "aggregate", "parent": "index", "aggregate": {"method": "min"}},
           {"code": "pay", "type": "indicator", "parent": "income"},
           {"code": "poverty", "type": "indicator", "parent": "income", "direction": -1, "normalise": {"method": "rank"}},
           {"code": "afford", "type": "indicator", "parent": "housing", "direction": -1}]}
        """);

    private static ComputeRequest Request(string json) => ComputeRequest.Parse(Newtonsoft.Json.Linq.JObject.Parse(json));

    private static ApiException Fails(string json) => Assert.Throws<ApiException>(() => WhatIf.Apply(Definition, Request(json)));

    [Fact]
    public void No_overrides_keep_the_definition()
    {
        Assert.Same(Definition, WhatIf.Apply(Definition, Request("""{"period": "2020"}""")));
    }

    [Fact]
    public void Weights_and_node_overrides_change_only_those_nodes()
    {
        var variant = WhatIf.Apply(Definition, Request("""
            {"weights": {"income": 2}, "nodes": {"housing": {"weight": 3}, "pay": {"normalise": {"method": "zscore"}}}}
            """));
        Assert.Equal(2, variant["income"].Weight);
        Assert.Equal(3, variant["housing"].Weight);
        Assert.Equal(MethodSpec.Of("zscore"), variant.NormalisationOf(variant["pay"]));
        Assert.Equal(MethodSpec.Of("rank"), variant.NormalisationOf(variant["poverty"]));
        Assert.Equal(MethodSpec.Of("min"), variant.AggregationOf(variant["housing"]));
        Assert.Equal(1, variant["afford"].Weight);
    }

    [Fact]
    public void A_top_level_method_applies_to_every_node_unless_a_node_says_otherwise()
    {
        var variant = WhatIf.Apply(Definition, Request("""
            {"normalise": {"method": "zscore"}, "aggregate": {"method": "gmean"}, "nodes": {"income": {"aggregate": {"method": "hmean"}}}}
            """));
        Assert.All(variant.Indicators, i => Assert.Equal(MethodSpec.Of("zscore"), variant.NormalisationOf(i)));
        Assert.Equal(MethodSpec.Of("gmean"), variant.AggregationOf(variant["index"]));
        Assert.Equal(MethodSpec.Of("gmean"), variant.AggregationOf(variant["housing"]));
        Assert.Equal(MethodSpec.Of("hmean"), variant.AggregationOf(variant["income"]));
    }

    [Fact]
    public void A_bad_weight_is_named_as_the_request_field()
    {
        var e = Fails("""{"weights": {"income": -1}}""");
        Assert.Equal(["weights.income"], e.Problem.Errors!.Keys);
        Assert.Contains("positive", e.Problem.Errors["weights.income"][0]);
    }

    [Fact]
    public void Unknown_nodes_are_named()
    {
        var e = Fails("""{"weights": {"wealth": 2}, "nodes": {"health": {"weight": 2}}}""");
        Assert.Equal(new[] { "nodes.health", "weights.wealth" }, e.Problem.Errors!.Keys.Order());
    }

    [Fact]
    public void Engine_problems_map_back_to_request_fields()
    {
        var e = Fails("""{"normalise": {"method": "nope"}, "nodes": {"pay": {"aggregate": {"method": "amean"}}}}""");
        Assert.Equal(new[] { "nodes.pay.aggregate", "normalise.method" }, e.Problem.Errors!.Keys.Order());
        Assert.Contains("unknown normalise method 'nope'", e.Problem.Errors["normalise.method"][0]);
    }

    [Fact]
    public void The_index_has_no_weight_to_change()
    {
        Assert.Equal(["weights.index"], Fails("""{"weights": {"index": 2}}""").Problem.Errors!.Keys);
    }
}
