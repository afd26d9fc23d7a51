using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Hosting;

/// <summary>
/// The Functions host only forwards what function.json files declare, to the same path (HTTP functions under the
/// "api" route prefix; other triggers as POST /{FunctionName}). Every declared function must have a handler endpoint
/// and every endpoint a function, or requests would 404 under the host while working standalone.
/// </summary>
public class FunctionJsonRouteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static IEnumerable<(string Name, string Route, string Method)> Declared()
    {
        var host = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        var prefix = host["extensions"]!["http"]!["routePrefix"]!.Value<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Functions, "function.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file))!;
            var trigger = JObject.Parse(File.ReadAllText(file))["bindings"]!.First(b => b["direction"]!.Value<string>() == "in");
            if (trigger["type"]!.Value<string>() == "httpTrigger")
            {
                foreach (var method in trigger["methods"]!.Values<string>())
                {
                    yield return (name, $"/{prefix}/{trigger["route"]!.Value<string>()}", method!.ToUpperInvariant());
                }
            }
            else
            {
                yield return (name, $"/{name}", "POST");
            }
        }
    }

    [Fact]
    public void Every_function_has_an_endpoint_and_every_endpoint_a_function()
    {
        var declared = Declared().OrderBy(x => x.Route, StringComparer.Ordinal).ThenBy(x => x.Method, StringComparer.Ordinal).ToList();
        Assert.Equal(11, declared.Count);
        Assert.Equal(declared, EndpointTable.Read(factory));
    }

    [Fact]
    public void Host_json_forwards_http_requests_to_the_published_handler()
    {
        var host = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        Assert.Equal("2.0", host["version"]!.Value<string>());
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.Value<bool>());
        Assert.Equal("dotnet", host["customHandler"]!["description"]!["defaultExecutablePath"]!.Value<string>());
        Assert.Equal(["WellbeingIndex.Functions.dll"], host["customHandler"]!["description"]!["arguments"]!.Values<string>());
    }

    [Fact]
    public void The_timer_has_a_six_field_schedule_and_publishing_needs_a_function_key()
    {
        var timer = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Functions, "PublishIndex", "function.json")))["bindings"]![0]!;
        Assert.Equal("timerTrigger", timer["type"]!.Value<string>());
        Assert.Equal(6, timer["schedule"]!.Value<string>()!.Split(' ').Length);
        var publish = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Functions, "PublishFramework", "function.json")))["bindings"]![0]!;
        Assert.Equal("function", publish["authLevel"]!.Value<string>());
    }
}
