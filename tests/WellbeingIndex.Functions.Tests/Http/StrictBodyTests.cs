using System.Net;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Http;

/// <summary>
/// Issue 13 item 4: request bodies are strict JSON. Each body below was accepted before (Newtonsoft is lenient: the
/// last duplicate won, so an invalid first value vanished); now each is a 400 naming the problem and the JSON path.
/// </summary>
public class StrictBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<string> RejectedAsync(string body, string field, string hint)
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", ApiFactory.Json(body));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
        var message = (string)problem["errors"]![field]![0]!;
        Assert.Contains(hint, message);
        return message;
    }

    [Theory]
    [InlineData("""{"period": "2022", "period": "2023"}""", "period")]
    [InlineData("""{"weights": {"pay": "x", "pay": 2}}""", "weights.pay")]
    [InlineData("""{"nodes": {"decent-home": {"weight": 1, "weight": 2}}}""", "nodes.decent-home.weight")]
    [InlineData("""{"uncertainty": {"runs": 20}, "uncertainty": {"runs": 30}}""", "uncertainty")]
    public Task A_duplicate_key_is_named_by_its_path(string body, string field) => RejectedAsync(body, field, "duplicate key");

    [Fact]
    public async Task Keys_differing_in_case_are_not_duplicates_but_the_parser_matches_case_sensitively()
    {
        // "Period" is not a second "period": properties are matched exactly, so it is an unknown property instead.
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", ApiFactory.Json("""{"period": "2022", "Period": "2023"}"""));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Period");
        Assert.Contains("unknown property", (string)problem["errors"]!["Period"]![0]!);
    }

    [Theory]
    [InlineData("""{"period": "2022" /* latest */}""", "period", "comments are not allowed")]
    [InlineData("// a what-if\n{\"period\": \"2022\"}", "body", "comments are not allowed")]
    [InlineData("""{"weights": {"pay": 2,}}""", "weights.pay", "trailing commas are not allowed")]
    [InlineData("""{"areas": ["E09000001", "E09000002",]}""", "areas[1]", "trailing commas are not allowed")]
    [InlineData("""{'period': '2022'}""", "body", "double quotes, not single quotes")]
    [InlineData("""{"period": '2022'}""", "period", "double quotes, not single quotes")]
    [InlineData("""{"weights": {"pay": NaN}}""", "weights.pay", "NaN and Infinity are not JSON numbers")]
    [InlineData("""{"weights": {"pay": Infinity}}""", "weights.pay", "NaN and Infinity are not JSON numbers")]
    [InlineData("""{"weights": {"pay": -Infinity}}""", "weights.pay", "NaN and Infinity are not JSON numbers")]
    [InlineData("""{"weights": {"pay": 1e400}}""", "weights.pay", "number out of range")]
    [InlineData("""{"areas": [1, 2, 1e999]}""", "areas[2]", "number out of range")]
    [InlineData("""{"period": "2022"} {}""", "body", "not valid JSON")]
    [InlineData("""{"period": "2022""", "period", "not valid JSON")]
    public async Task Lenient_json_is_rejected_naming_the_problem_and_the_path(string body, string field, string hint)
    {
        var message = await RejectedAsync(body, field, hint);
        if (hint != "number out of range")
        {
            Assert.Matches(@"\(line \d+, byte \d+\)\.$", message);
        }
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_is_rejected()
    {
        var body = "{\"weights\":" + new string('[', 40) + new string(']', 40) + "}";
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", ApiFactory.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (Newtonsoft.Json.Linq.JObject)Newtonsoft.Json.Linq.JObject.Parse(await response.Content.ReadAsStringAsync())["errors"]!;
        var (field, messages) = (errors.Properties().Single().Name, errors.Properties().Single().Value);
        Assert.StartsWith("weights[0][0]", field);
        Assert.Contains("maximum configured depth of 32", (string)messages[0]!);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_rejected()
    {
        // 0xFF never occurs in UTF-8: {"weights": {"g<FF>od": 1}}
        var content = new ByteArrayContent([.. "{\"weights\": {\"g"u8.ToArray(), 0xFF, .. "od\": 1}}"u8.ToArray()]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", content);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains("not UTF-8", (string)problem["errors"]!["body"]![0]!);
    }

    [Fact]
    public async Task Strict_json_with_a_byte_order_mark_and_whitespace_is_accepted()
    {
        var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "\r\n {\"period\": \"2022\"}\n"u8.ToArray()]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
