using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Functions.Tests.Hosting;

namespace WellbeingIndex.Functions.Tests.OpenApi;

public class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_document_lists_exactly_the_mapped_routes_with_their_operation_names()
    {
        var response = await factory.CreateClient().GetAsync("/api/openapi.json");
        var document = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document["openapi"]!.Value<string>());

        var documented = ((JObject)document["paths"]!).Properties()
            .SelectMany(p => ((JObject)p.Value).Properties().Select(m => (Name: m.Value["operationId"]!.Value<string>()!, Route: p.Name, Method: m.Name.ToUpperInvariant())))
            .OrderBy(x => x.Route, StringComparer.Ordinal).ThenBy(x => x.Method, StringComparer.Ordinal).ToList();
        Assert.Equal(EndpointTable.Read(factory), documented);
    }

    [Fact]
    public async Task Every_schema_reference_resolves()
    {
        var document = JObject.Parse(await (await factory.CreateClient().GetAsync("/api/openapi.json")).Content.ReadAsStringAsync());
        var schemas = (JObject)document["components"]!["schemas"]!;
        var refs = document.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").Select(p => p.Value.Value<string>()!).Distinct().ToList();
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.NotNull(schemas[r["#/components/schemas/".Length..]]));
    }
}
