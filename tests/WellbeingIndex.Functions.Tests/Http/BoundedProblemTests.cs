using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Http;

/// <summary>
/// Issue 13 item 4, amplification: a problem document lists at most 20 fields, each with at most 5 messages of at most
/// 600 characters under a key of at most 200, and a detail of at most 2,000. So a document is at most about
/// 20 × (200 + 5 × 600 + 20) + 2,000 + 400 (type, title, instance, trace id) ≈ 66,800 characters whatever the request,
/// and in practice a few kilobytes. Both findings (1.57 MB and 2 MB answers) are reproduced here.
/// </summary>
public class BoundedProblemTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<(JObject Problem, int Bytes)> PostAsync(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", ApiFactory.Json(body));
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest,
            [.. JObject.Parse(await response.Content.ReadAsStringAsync())["errors"]!.Cast<JProperty>().Select(p => p.Name)]);
        return (problem, bytes);
    }

    [Fact]
    public async Task Thousands_of_unknown_weight_keys_give_a_small_document()
    {
        // 3,800 keys "w0000".."w3799" at 10 bytes each ("w0000": 1,) ≈ 38 KB: below the 64 KiB body limit.
        var body = new StringBuilder("{\"weights\": {");
        for (var i = 0; i < 3800; i++)
        {
            body.Append(i == 0 ? "" : ",").Append($"\"w{i:D4}\": 1");
        }

        var (problem, bytes) = await PostAsync(body.Append("}}").ToString());
        Assert.Equal(20, ((JObject)problem["errors"]!).Count);
        Assert.Equal(3800 - 20, problem["omittedErrors"]!.Value<int>());
        Assert.True(problem.ContainsKey("errors") && problem["errors"]!["weights.w0000"] is not null, "the first fields in request order are listed");
        Assert.True(bytes < 20_000, $"{bytes} bytes"); // was 1.57 MB
        Assert.Contains("3800 fields in all", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Sixteen_thousand_integers_in_areas_give_a_small_document()
    {
        var body = "{\"areas\": [" + string.Join(",", Enumerable.Repeat("1", 16_000)) + "]}"; // 32 KB
        var (problem, bytes) = await PostAsync(body);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"areas[{i}]"), ((JObject)problem["errors"]!).Properties().Select(p => p.Name));
        Assert.Equal(16_000 - 20, problem["omittedErrors"]!.Value<int>());
        Assert.True(bytes < 10_000, $"{bytes} bytes"); // was 2 MB
    }

    [Fact]
    public void Long_keys_messages_and_details_are_cut()
    {
        var longKey = new string('k', 5000);
        var problem = ApiProblem.BadRequest(new string('d', 10_000),
            new Dictionary<string, string[]> { [longKey] = [.. Enumerable.Repeat(new string('m', 1000), 8)] });
        var (key, messages) = problem.Errors!.Single();
        Assert.Equal(ApiProblem.MaxEchoedLength, key.Length); // 199 'k' + '…'
        Assert.EndsWith("…", key);
        Assert.Equal(ApiProblem.MaxMessagesPerField + 1, messages.Length); // 5 messages + "… and 3 more."
        Assert.Equal("… and 3 more.", messages[^1]);
        Assert.All(messages[..^1], m => Assert.Equal(ApiProblem.MaxMessageLength, m.Length));
        Assert.Equal(ApiProblem.MaxDetailLength, problem.Detail.Length);
        Assert.Equal(0, problem.OmittedErrors);
    }
}
