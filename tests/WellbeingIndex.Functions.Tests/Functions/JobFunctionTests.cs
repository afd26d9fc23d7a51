using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Engine.Uncertainty;
using WellbeingIndex.Functions.HttpTriggers;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>
/// Jobs under the function app's composition (no hosted services, no Kestrel): the job functions called as the worker
/// calls them. The job runs in the worker process after the 202, as it does in an instance of the function app.
/// </summary>
public class JobFunctionTests
{
    [Fact]
    public async Task A_job_started_through_the_function_runs_in_the_worker_and_its_result_is_the_engine_run()
    {
        using var host = new FunctionHost();
        var start = host.Request("POST", "/api/frameworks/london/sensitivity", """{"period": "2022", "uncertain": ["weights:0.3"], "runs": 30, "seed": 5}""");
        var accepted = await FunctionHost.ExecuteAsync(await host.Function<StartSensitivityJobFunction>().Run(start, "london", host.Context(start)), start);
        Assert.Equal(202, accepted.Status);
        var jobId = JObject.Parse(accepted.Body)["id"]!.Value<string>()!;
        Assert.Equal($"/api/jobs/{jobId}", start.HttpContext.Response.Headers.Location.ToString());

        JToken status;
        var polls = 0;
        do
        {
            await Task.Delay(50);
            var get = host.Request("GET", $"/api/jobs/{jobId}");
            status = await FunctionHost.JsonAsync(host.Function<GetJobFunction>().Run(get, jobId, host.Context(get)), get);
        }
        while (status["state"]!.Value<string>() is "queued" or "running" && ++polls < 1200);

        Assert.Equal("succeeded", status["state"]!.Value<string>());
        var read = host.Request("GET", $"/api/jobs/{jobId}/result");
        var result = await FunctionHost.JsonAsync(host.Function<GetJobResultFunction>().Run(read, jobId, host.Context(read)), read);

        var run = await DirectRun.ComputeAsync(ReferencePeriod.ForCalendarYear(2022));
        var expected = SensitivityAnalysis.Run(run.Result.Definition, run.Result.Input,
            new SensitivityOptions { Inputs = UncertainInput.Parse("weights:0.3", run.Result.Definition), Runs = 30, Seed = 5 });
        var areas = (JArray)result["areas"]!;
        Assert.Equal(expected.Areas.Select(a => a.AreaCode), areas.Select(a => a["areaCode"]!.Value<string>()));
        Assert.Equal(expected.Areas.Select(a => double.IsNaN(a.RankP05) ? (double?)null : a.RankP05), areas.Select(a => a["rankP05"]!.Value<double?>()));
        Assert.Equal(expected.Areas.Select(a => double.IsNaN(a.RankP95) ? (double?)null : a.RankP95), areas.Select(a => a["rankP95"]!.Value<double?>()));

        // Under the host the host checks keys: no x-functions-key is needed here. Cancelling a finished job forgets it.
        var delete = host.Request("DELETE", $"/api/jobs/{jobId}");
        Assert.Equal(204, (await FunctionHost.ExecuteAsync(host.Function<CancelJobFunction>().Run(delete, jobId, host.Context(delete)), delete)).Status);
        var gone = host.Request("GET", $"/api/jobs/{jobId}");
        Assert.Equal(404, Assert.Throws<ApiException>(() => host.Function<GetJobFunction>().Run(gone, jobId, host.Context(gone))).Problem.Status);
    }

    [Fact]
    public async Task AuditFramework_answers_the_audit_of_london()
    {
        using var host = new FunctionHost();
        var request = host.Request("POST", "/api/frameworks/london/audit", """{"period": "2022"}""");
        var audit = await FunctionHost.JsonAsync(await host.Function<AuditFrameworkFunction>().Run(request, "london", host.Context(request)), request);
        // Effective weights of the index's children sum to 1; london has 30 nodes.
        Assert.Equal(30, audit["effectiveWeights"]!.Count());
        Assert.Equal(1, audit["effectiveWeights"]!.Where(w => w["level"]!.Value<int>() == 2).Sum(w => w["effective"]!.Value<double>()), 12);
    }
}
