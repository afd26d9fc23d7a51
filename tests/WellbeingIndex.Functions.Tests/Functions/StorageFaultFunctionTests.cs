using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api;
using WellbeingIndex.Functions.HttpTriggers;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Publication;
using WellbeingIndex.Publication.Storage;
using WellbeingIndex.Tests.Azurite;
using WellbeingIndex.Tests.Telemetry;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>Readiness, unavailable storage and publish telemetry in the function app, called as the worker calls them.</summary>
public class StorageFaultFunctionTests
{
    [Fact]
    public async Task HealthReady_is_ready_on_memory_with_readable_data()
    {
        using var host = new FunctionHost();
        var request = host.Request("GET", "/api/health/ready");
        var ready = await FunctionHost.JsonAsync(await host.Function<HealthReadyFunction>().Run(request, host.Context(request)), request);
        Assert.Equal("ready", ready["status"]!.Value<string>());
        Assert.Equal(["storage:ok", "data:ok"], ready["checks"]!.Select(c => $"{c["name"]}:{c["status"]}"));
    }

    [Fact]
    public async Task Unreachable_storage_through_the_middleware_is_a_503_problem_with_retry_after()
    {
        using var host = new FunctionHost((ApiSettings.TablesKey, AzuriteProcess.UnreachableConnectionString()));
        var request = host.Request("GET", "/api/frameworks/london/runs/latest");
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);
        var function = host.Function<GetLatestRunFunction>();
        var context = host.Context(request);
        await middleware.Invoke(context, async _ => await (await function.Run(request, "london", context)).ExecuteAsync(request.HttpContext));

        var response = request.HttpContext.Response;
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        var problem = JObject.Parse(FunctionHost.Read(request.HttpContext));
        Assert.Equal(503, problem["status"]!.Value<int>());
        Assert.Equal(StorageUnavailableException.Unreachable, problem["code"]!.Value<string>());
        Assert.Equal(0, problem["storageStatus"]!.Value<int>());

        var ready = host.Request("GET", "/api/health/ready");
        var (status, _, body) = await FunctionHost.ExecuteAsync(await host.Function<HealthReadyFunction>().Run(ready, host.Context(ready)), ready);
        Assert.Equal(503, status);
        Assert.Equal("failed", JObject.Parse(body)["checks"]![0]!["status"]!.Value<string>());
    }

    [Fact]
    public async Task A_publish_is_traced_publish_then_compute_then_build_and_counted()
    {
        using var host = new FunctionHost();
        using var telemetry = new TelemetryRecorder();
        var period = await DirectRun.LatestPeriodAsync();

        var published = await host.Get<IndexPublisher>().PublishAsync(DirectRun.London);

        var publish = Assert.Single(telemetry.Activities("wellbeing.publish"));
        var compute = Assert.Single(telemetry.Activities("wellbeing.run.compute"));
        var build = Assert.Single(telemetry.Activities("wellbeing.index.build"));
        Assert.Equal(publish.SpanId, compute.ParentSpanId);
        Assert.Equal(compute.SpanId, build.ParentSpanId);
        Assert.Equal("london", publish.GetTagItem("wellbeing.framework.id"));
        Assert.Equal("run", publish.GetTagItem("wellbeing.run.kind"));
        Assert.Equal(period.ToString(), publish.GetTagItem("wellbeing.period"));
        Assert.Equal(published.RunId, publish.GetTagItem("wellbeing.run.id"));
        Assert.Equal(ActivityStatusCode.Unset, publish.Status);
        // london.json: 33 boroughs, 21 indicators.
        Assert.Equal(33, compute.GetTagItem("wellbeing.areas"));
        Assert.Equal(33, build.GetTagItem("wellbeing.areas"));
        Assert.Equal(21, build.GetTagItem("wellbeing.indicators"));
        Assert.Equal("london", build.GetTagItem("wellbeing.index.id"));

        var computed = Assert.Single(telemetry.Measurements("wellbeing.runs.computed"));
        Assert.Equal(1, computed.Value);
        Assert.Equal("london", computed.Tags["wellbeing.framework.id"]);
        Assert.Equal("run", computed.Tags["wellbeing.run.kind"]);
        Assert.Empty(telemetry.Measurements("wellbeing.publish.failures"));
    }

    [Fact]
    public async Task A_failed_publish_is_an_error_activity_and_a_failure_counted_by_error_type()
    {
        using var host = new FunctionHost((ApiSettings.TablesKey, AzuriteProcess.UnreachableConnectionString()));
        using var telemetry = new TelemetryRecorder();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => host.Get<IndexPublisher>().PublishAsync(DirectRun.London));

        var publish = Assert.Single(telemetry.Activities("wellbeing.publish"));
        Assert.Equal(ActivityStatusCode.Error, publish.Status);
        Assert.Equal(StorageUnavailableException.Unreachable, publish.GetTagItem("error.type"));
        var failure = Assert.Single(telemetry.Measurements("wellbeing.publish.failures"));
        Assert.Equal(1, failure.Value);
        Assert.Equal(StorageUnavailableException.Unreachable, failure.Tags["error.type"]);
        Assert.Equal("london", failure.Tags["wellbeing.framework.id"]);
    }

    [Fact]
    public async Task A_publish_to_unreachable_storage_fails_before_computing_anything()
    {
        using var host = new FunctionHost((ApiSettings.TablesKey, AzuriteProcess.UnreachableConnectionString()));
        using var telemetry = new TelemetryRecorder();
        var publisher = host.Get<IndexPublisher>();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => publisher.PublishAsync(DirectRun.London));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => publisher.PublishSeriesAsync(DirectRun.London));

        // Until now the run was computed (seconds for an LSOA framework) and only then found unwritable.
        Assert.Empty(telemetry.Activities("wellbeing.run.compute"));
        Assert.Empty(telemetry.Activities("wellbeing.index.build"));
        Assert.Empty(telemetry.Measurements("wellbeing.runs.computed"));
        Assert.Equal(["run", "series"], telemetry.Activities("wellbeing.publish").Select(a => (string)a.GetTagItem("wellbeing.run.kind")!));
        // What failed each publish is the one reachability call (QueryTables), tried three times by the client.
        var calls = telemetry.Activities("wellbeing.table.operation");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, a =>
        {
            Assert.Equal("QueryTables", a.GetTagItem("db.operation.name"));
            Assert.Equal(ActivityStatusCode.Error, a.Status);
        });
    }
}
