using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>The function app's problem handler writes RFC 9457 documents through the problem-details service.</summary>
public class ProblemDetailsMiddlewareTests
{
    [Fact]
    public async Task A_field_error_becomes_a_400_problem_keyed_by_the_field()
    {
        using var host = new FunctionHost();
        var request = host.Request("POST", "/api/frameworks/london/compute");
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);
        await middleware.Invoke(host.Context(request), _ => throw ApiProblem.Field("weights.income", "must be a number, got the string \"x\".").ToException());

        var response = request.HttpContext.Response;
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType?.Split(';')[0]);
        var problem = JObject.Parse(FunctionHost.Read(request.HttpContext));
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", problem["type"]!.Value<string>());
        Assert.Equal("/api/frameworks/london/compute", problem["instance"]!.Value<string>());
        Assert.Equal(["must be a number, got the string \"x\"."], problem["errors"]!["weights.income"]!.Values<string>());
    }

    [Fact]
    public async Task Without_an_http_context_the_failure_propagates_so_the_host_records_it()
    {
        using var host = new FunctionHost();
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(host.Context(), _ => throw new InvalidOperationException("timer failed")));
    }
}
