using Newtonsoft.Json.Linq;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Tests.Definition;

/// <summary>The published JSON Schema must describe what the reader accepts: same properties, same method names.</summary>
public class IndexDefinitionSchemaTests
{
    private static JObject Schema()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WellbeingIndex.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return JObject.Parse(File.ReadAllText(Path.Combine(dir.FullName, "src", "WellbeingIndex.Engine", "Definition", "index-definition.schema.json")));
    }

    [Fact]
    public void Lists_the_properties_the_reader_accepts()
    {
        var schema = Schema();
        var root = ((JObject)schema["properties"]!).Properties().Select(p => p.Name).Order();
        var node = ((JObject)schema["properties"]!["nodes"]!["items"]!["properties"]!).Properties().Select(p => p.Name).Order();

        var time = ((JObject)schema["properties"]!["time"]!["properties"]!).Properties().Select(p => p.Name).Order();

        Assert.Equal(["$schema", "description", "higherIsWorse", "id", "levels", "minCoverage", "name", "nodes", "steps", "time"], root);
        Assert.Equal(["base", "baseWeights", "from", "mode", "to"], time);
        Assert.Equal(["per-period", "pooled", "base-period"], schema["properties"]!["time"]!["properties"]!["mode"]!["enum"]!.Values<string>());
        Assert.Equal(["aggregate", "code", "denominator", "direction", "minCoverage", "name", "normalise", "parent", "provider", "rationale", "transform", "treat", "type", "unit", "weight", "weighting"], node);
    }

    [Fact]
    public void Names_every_registered_method()
    {
        var listed = Schema()["$defs"]!["method"]!["properties"]!["method"]!["examples"]!.Values<string>().ToHashSet();
        var registered = MethodRegistry.Default.All.Values.Select(m => m.Name).ToHashSet();

        Assert.Equal(registered.Order(), listed.Order());
    }
}
