using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Functions.Tests.Compute;

public class ComputeRequestTests
{
    private static ApiException Fails(string json) =>
        Assert.Throws<ApiException>(() => ComputeRequest.Parse(JObject.Parse(json)));

    [Fact]
    public void Every_field_is_read()
    {
        var request = ComputeRequest.Parse(JObject.Parse("""
            {"period": "2019/20", "areas": ["E09000001", "E09000002"], "weights": {"income": 2.5},
             "normalise": {"method": "zscore"}, "aggregate": {"method": "gmean"},
             "nodes": {"housing": {"weight": 3, "aggregate": {"method": "genmean", "p": 2}}}}
            """));
        Assert.Equal(ReferencePeriod.ForFinancialYear(2019), request.Period);
        Assert.Equal(["E09000001", "E09000002"], request.Areas);
        Assert.Equal(2.5, request.Weights["income"]);
        Assert.Equal("zscore", request.Normalise!.Method);
        Assert.Equal("gmean", request.Aggregate!.Method);
        Assert.Equal(3, request.Nodes["housing"].Weight);
        Assert.Equal(2, request.Nodes["housing"].Aggregate!.Number("p", 0));
        Assert.True(request.IsWhatIf);
    }

    [Fact]
    public void An_empty_body_means_latest_period_every_area_no_what_if()
    {
        var request = ComputeRequest.Parse([]);
        Assert.Null(request.Period);
        Assert.Null(request.Areas);
        Assert.False(request.IsWhatIf);
    }

    [Fact]
    public void A_bad_period_is_named()
    {
        var e = Fails("""{"period": "20x2"}""");
        Assert.Equal(400, e.Problem.Status);
        Assert.Equal(["period"], e.Problem.Errors!.Keys);
        Assert.StartsWith("'20x2' is not a period", e.Problem.Errors["period"][0]);
    }

    [Fact]
    public void Wrong_types_are_each_named()
    {
        var e = Fails("""
            {"period": 2022, "areas": "E09000001", "weights": {"income": "two", "housing": 1},
             "normalise": "zscore", "nodes": {"housing": {"weight": true, "colour": 1}}, "extra": 1}
            """);
        Assert.Equal(
            new[] { "extra", "period", "areas", "weights.income", "normalise", "nodes.housing.colour", "nodes.housing.weight" }.Order(),
            e.Problem.Errors!.Keys.Order());
        Assert.Contains("must be a number", e.Problem.Errors["weights.income"][0]);
    }

    [Fact]
    public void Bad_area_entries_are_named_by_index()
    {
        var e = Fails("""{"areas": ["E09000001", 7, "E09000001"]}""");
        Assert.Equal(new[] { "areas[1]", "areas[2]" }, e.Problem.Errors!.Keys.Order());
        Assert.Contains("listed twice", e.Problem.Errors["areas[2]"][0]);
    }

    [Fact]
    public void A_method_without_its_name_is_named()
    {
        var e = Fails("""{"aggregate": {"p": 2}}""");
        Assert.Equal(["aggregate.method"], e.Problem.Errors!.Keys);
    }
}
