using System.Net;
using Newtonsoft.Json.Linq;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>Checks a response is an RFC 9457 problem with the given status, naming exactly the given fields.</summary>
internal static class ProblemAssert
{
    public static async Task<JObject> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JObject.Parse(text);
        Assert.Equal((int)status, problem["status"]!.Value<int>());
        Assert.StartsWith("https://", problem["type"]!.Value<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.Value<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.Value<string>()));
        var names = (problem["errors"] as JObject)?.Properties().Select(p => p.Name).Order().ToArray() ?? [];
        Assert.Equal(fields.Order().ToArray(), names);
        return problem;
    }
}
