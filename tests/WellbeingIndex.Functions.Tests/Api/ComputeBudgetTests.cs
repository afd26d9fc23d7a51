using System.Net;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Work;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>The work budget of compute requests (WELLBEING_COMPUTE_BUDGET), here lowered to 10,000 cells.</summary>
public sealed class ComputeBudgetTests : IDisposable
{
    private readonly ApiFactory _factory = new(new Dictionary<string, string?> { [WorkLimits.ComputeBudgetKey] = "10000" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Uncertainty_runs_above_the_budget_are_a_400_naming_uncertainty_runs()
    {
        // (1 + 100) runs × 33 boroughs × 30 nodes = 99,990 cells > 10,000; at most 10,000 / 990 = 10 runs fit.
        var problem = await ProblemAssert.IsProblemAsync(await _factory.CreateClient().PostAsync("/api/frameworks/london/compute",
            ApiFactory.Json("""{"period": "2022", "uncertainty": {"runs": 100}}""")), HttpStatusCode.BadRequest, "uncertainty.runs");
        var message = problem["errors"]!["uncertainty.runs"]![0]!.Value<string>()!;
        Assert.Contains("99,990 cells", message);
        Assert.Contains("/api/frameworks/london/sensitivity", message);
    }

    [Fact]
    public async Task Work_within_the_budget_is_computed()
    {
        // (1 + 9) runs × 990 = 9,900 cells <= 10,000.
        var response = await _factory.CreateClient().PostAsync("/api/frameworks/london/compute",
            ApiFactory.Json("""{"period": "2022", "uncertainty": {"runs": 9}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_series_above_the_budget_is_a_400_naming_from()
    {
        using var small = new ApiFactory(new Dictionary<string, string?> { [WorkLimits.ComputeBudgetKey] = "2000" });
        // 2022, 2023, 2024: 3 periods × 33 × 30 = 2,970 cells > 2,000; at most 2,000 / 990 = 2 periods fit.
        var problem = await ProblemAssert.IsProblemAsync(await small.CreateClient().PostAsync("/api/frameworks/london/compute",
            ApiFactory.Json("""{"from": "2022", "to": "2024"}""")), HttpStatusCode.BadRequest, "from");
        Assert.Contains("2,970 cells", problem["errors"]!["from"]![0]!.Value<string>());
    }

    [Fact]
    public async Task An_audit_above_the_budget_is_a_400_naming_areas()
    {
        using var tiny = new ApiFactory(new Dictionary<string, string?> { [WorkLimits.ComputeBudgetKey] = "500" });
        // 1 run × 33 × 30 = 990 cells > 500.
        await ProblemAssert.IsProblemAsync(await tiny.CreateClient().PostAsync("/api/frameworks/london/audit", ApiFactory.Json("{}")),
            HttpStatusCode.BadRequest, "areas");
    }
}
