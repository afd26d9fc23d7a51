using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.OpenApi;

/// <summary>The generated document (Microsoft.AspNetCore.OpenApi) served by the standalone server.</summary>
public class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    internal static async Task<JObject> ReadAsync(ApiFactory factory)
    {
        var response = await factory.CreateClient().GetAsync("/api/openapi.json");
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private static JToken Resolve(JObject document, JToken schema) =>
        schema["$ref"]?.Value<string>() is { } reference ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]! : schema;

    [Fact]
    public async Task Every_schema_reference_resolves()
    {
        var document = await ReadAsync(factory);
        Assert.StartsWith("3.", document["openapi"]!.Value<string>());
        var schemas = (JObject)document["components"]!["schemas"]!;
        var refs = document.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").Select(p => p.Value.Value<string>()!).Distinct().ToList();
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.NotNull(schemas[r["#/components/schemas/".Length..]]));
    }

    [Fact]
    public async Task The_compute_body_is_described_with_exactly_the_fields_the_parser_accepts_and_is_optional()
    {
        var document = await ReadAsync(factory);
        var body = document["paths"]!["/api/frameworks/{id}/compute"]!["post"]!["requestBody"]!;
        Assert.False(body["required"]?.Value<bool>() ?? false);
        var schema = Resolve(document, body["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["aggregate", "areas", "nodes", "normalise", "period", "uncertainty", "weights"],
            ((JObject)schema["properties"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Periods_and_instants_are_described_as_the_strings_they_are_written_as()
    {
        var document = await ReadAsync(factory);
        var summary = (JObject)document["components"]!["schemas"]!["PublishSummary"]!["properties"]!;
        Assert.Equal("string", Resolve(document, summary["period"]!)["type"]!.Value<string>());
        var instant = Resolve(document, summary["publishedAt"]!);
        Assert.Equal("string", instant["type"]!.Value<string>());
        Assert.Equal("date-time", instant["format"]!.Value<string>());
    }

    [Fact]
    public async Task Errors_are_documented_as_problem_details()
    {
        var compute = (await ReadAsync(factory))["paths"]!["/api/frameworks/{id}/compute"]!["post"]!["responses"]!;
        Assert.NotNull(compute["400"]!["content"]!["application/problem+json"]);
        Assert.NotNull(compute["422"]!["content"]!["application/problem+json"]);
    }
}
