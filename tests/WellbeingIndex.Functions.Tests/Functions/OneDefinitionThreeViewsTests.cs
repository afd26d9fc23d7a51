using Newtonsoft.Json.Linq;
using WellbeingIndex.Api;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Functions.Tests.Hosting;
using WellbeingIndex.Functions.Tests.OpenApi;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>
/// One definition of the HTTP surface, three views: the functions.metadata the Functions SDK generates from the
/// <c>[Function]</c>/<c>[HttpTrigger]</c> attributes, the endpoints the standalone server maps, and the generated OpenAPI
/// document must list the same operations with the same routes, methods and authorization.
/// </summary>
public class OneDefinitionThreeViewsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Project = "functions/WellbeingIndex.Functions";

    private static JArray Metadata()
    {
        var path = RepoPaths.BuildOutput(Project, "functions.metadata");
        Assert.True(File.Exists(path), $"build the function app first: {path} is missing");
        return JArray.Parse(File.ReadAllText(path));
    }

    private static string RoutePrefix() =>
        JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))["extensions"]!["http"]!["routePrefix"]!.Value<string>()!;

    /// <summary>The HTTP functions' (name, route, method, key) rows, HEAD rows left out (see the HEAD test).</summary>
    private static List<(string Name, string Route, string Method, bool KeyRequired)> Functions() =>
        [.. FunctionsWithHead().Where(f => f.Method != "HEAD")];

    private static List<(string Name, string Route, string Method, bool KeyRequired)> FunctionsWithHead()
    {
        var prefix = RoutePrefix();
        return Metadata().Cast<JObject>()
            .Select(f => (Name: f["name"]!.Value<string>()!, Trigger: f["bindings"]!.First(b => b["direction"]!.Value<string>() == "In")))
            .Where(f => f.Trigger["type"]!.Value<string>() == "httpTrigger")
            .SelectMany(f => f.Trigger["methods"]!.Values<string>().Select(m =>
                (f.Name, $"/{prefix}/{f.Trigger["route"]!.Value<string>()}", m!.ToUpperInvariant(),
                    f.Trigger["authLevel"]!.Value<string>() switch
                    {
                        "Anonymous" => false,
                        "Function" => true,
                        var other => throw new InvalidOperationException($"{f.Name}: unexpected authLevel {other}"),
                    })))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.Item3, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Every_http_function_is_a_standalone_endpoint_with_the_same_route_method_and_authorization()
    {
        var functions = Functions();
        Assert.Equal(ApiOperations.Types.Count, functions.Count);
        Assert.Equal(functions, EndpointTable.Read(factory));
        // Publishing writes storage and jobs hold cores for minutes: they need a function key. Reads, what-if compute and
        // audit are anonymous (bounded by the work budget and the heavy-work gate).
        Assert.Equal([CancelJob.Name, GetJob.Name, GetJobResult.Name, PublishFramework.Name, StartSensitivityJob.Name],
            functions.Where(f => f.KeyRequired).Select(f => f.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_operations_access_constant_is_the_authorization_its_function_has()
    {
        // The trigger casts OperationAccess to the SDK's AuthorizationLevel: the values must be the SDK's.
        Assert.Equal((int)Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, (int)OperationAccess.Anonymous);
        Assert.Equal((int)Microsoft.Azure.Functions.Worker.AuthorizationLevel.Function, (int)OperationAccess.Function);
        var declared = ApiOperations.Types.ToDictionary(t => (string)t.GetField("Name")!.GetValue(null)!,
            t => (OperationAccess)t.GetField("Access")!.GetValue(null)!);
        Assert.Equal(declared.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Value == OperationAccess.Function)),
            Functions().Select(f => (f.Name, f.KeyRequired)).Distinct().OrderBy(f => f.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_http_function_is_an_openapi_operation_with_the_same_route_method_and_authorization()
    {
        var document = await OpenApiDocumentTests.ReadAsync(factory);
        var documented = ((JObject)document["paths"]!).Properties()
            .SelectMany(p => ((JObject)p.Value).Properties().Select(m => (
                Name: m.Value["operationId"]!.Value<string>()!,
                Route: p.Name,
                Method: m.Name.ToUpperInvariant(),
                KeyRequired: (m.Value["parameters"] as JArray)?.Any(x => x["in"]!.Value<string>() == "header"
                    && x["name"]!.Value<string>() == ApiOperations.KeyHeader) ?? false)))
            .OrderBy(x => x.Route, StringComparer.Ordinal).ThenBy(x => x.Method, StringComparer.Ordinal).ToList();
        Assert.Equal(Functions(), documented);
    }

    [Fact]
    public void Every_get_function_also_answers_head_and_nothing_else_does()
    {
        var all = FunctionsWithHead();
        var gets = all.Where(f => f.Method == "GET").Select(f => f.Name).ToList();
        Assert.Equal(12, gets.Count); // health, health/ready, frameworks, framework, indicators, latest run, run, history, series, inequality, job, job result
        Assert.Equal(gets, all.Where(f => f.Method == "HEAD").Select(f => f.Name));
    }

    [Fact]
    public void The_timer_function_takes_its_schedule_from_the_app_setting()
    {
        var timer = Metadata().Cast<JObject>().Single(f => f["name"]!.Value<string>() == "PublishIndex")["bindings"]![0]!;
        Assert.Equal("timerTrigger", timer["type"]!.Value<string>());
        Assert.Equal($"%{ApiSettings.ScheduleKey}%", timer["schedule"]!.Value<string>());
    }

    [Fact]
    public void The_build_output_is_an_isolated_worker_function_app()
    {
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json" })
        {
            Assert.True(File.Exists(RepoPaths.BuildOutput(Project, file)), $"{file} is missing from the function app's output");
        }

        var host = JObject.Parse(File.ReadAllText(RepoPaths.BuildOutput(Project, "host.json")));
        Assert.Equal("2.0", host["version"]!.Value<string>());
        Assert.Null(host["customHandler"]);
        Assert.Equal(ApiOperations.RoutePrefix, RoutePrefix());
        var worker = JObject.Parse(File.ReadAllText(RepoPaths.BuildOutput(Project, "worker.config.json")))["description"]!;
        Assert.Equal("dotnet-isolated", worker["language"]!.Value<string>());
        Assert.Equal("WellbeingIndex.Functions.dll", worker["defaultWorkerPath"]!.Value<string>());
    }
}
