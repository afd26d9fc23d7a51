using Microsoft.Extensions.Logging.Abstractions;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Functions.HttpTriggers;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>
/// Issue 13 item 6 under the Functions worker, as far as it can be run without the host: the worker middleware adds
/// nosniff to answers and to problem documents, and run triggers give the same ETag, Cache-Control and 304 as the
/// standalone server (HEAD is declared on the triggers: see OneDefinitionThreeViewsTests).
/// </summary>
public class ResponseHeadersMiddlewareTests
{
    [Fact]
    public async Task Answers_and_problems_are_nosniff()
    {
        using var host = new FunctionHost();
        var ok = host.Request("GET", "/api/health");
        await new ResponseHeadersMiddleware().Invoke(host.Context(ok), _ => Task.CompletedTask);
        Assert.Equal("nosniff", ok.HttpContext.Response.Headers.XContentTypeOptions.ToString());

        var failed = host.Request("POST", "/api/frameworks/london/compute");
        var problems = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);
        await new ResponseHeadersMiddleware().Invoke(host.Context(failed),
            context => problems.Invoke(context, _ => throw ApiProblem.Field("period", "must be a string.").ToException()));
        Assert.Equal(400, failed.HttpContext.Response.StatusCode);
        Assert.Equal("nosniff", failed.HttpContext.Response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task The_run_trigger_answers_if_none_match_with_304()
    {
        using var host = new FunctionHost();
        var framework = host.Get<WellbeingIndex.Api.WellbeingRuntime>().Framework("london");
        var run = await host.Get<WellbeingIndex.Publication.IndexPublisher>().PublishAsync(framework, null);

        var first = host.Request("GET", $"/api/frameworks/london/runs/{run.RunId}");
        var answer = await host.Function<GetRunFunction>().Run(first, "london", run.RunId, host.Context(first));
        await answer.ExecuteAsync(first.HttpContext);
        Assert.Equal(200, first.HttpContext.Response.StatusCode);
        Assert.Equal($"\"{run.RunId}\"", first.HttpContext.Response.Headers.ETag.ToString());
        Assert.Equal(ApiHeaders.Immutable, first.HttpContext.Response.Headers.CacheControl.ToString());

        var again = host.Request("GET", $"/api/frameworks/london/runs/{run.RunId}");
        again.Headers.IfNoneMatch = $"\"{run.RunId}\"";
        var revalidated = await host.Function<GetRunFunction>().Run(again, "london", run.RunId, host.Context(again));
        await revalidated.ExecuteAsync(again.HttpContext);
        Assert.Equal(304, again.HttpContext.Response.StatusCode);
    }
}
