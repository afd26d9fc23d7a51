using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Hosting;

/// <summary>
/// The built handler as the Functions host runs it: <c>dotnet WellbeingIndex.Functions.dll</c> with
/// FUNCTIONS_CUSTOMHANDLER_PORT set, over real sockets; then the calls the host makes (forwarded HTTP and the timer
/// invocation).
/// </summary>
public class KestrelProcessTests
{
    private static string HandlerDll()
    {
        // tests/.../bin/<Configuration>/net10.0/ -> functions/WellbeingIndex.Functions/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepoPaths.Functions, "WellbeingIndex.Functions", "bin", output.Parent!.Name, output.Name, "WellbeingIndex.Functions.dll");
        Assert.True(File.Exists(dll), $"build the functions project first: {dll} is missing");
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_handler_serves_the_hosts_calls_on_the_port_it_is_given()
    {
        var port = FreePort();
        var dll = HandlerDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["WELLBEING_DATA_DIR"] = DataDirectory.Resolve(null);
        start.Environment.Remove("WELLBEING_TABLES");
        start.Environment.Remove("ASPNETCORE_URLS");

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(client, process, output);

            var health = JObject.Parse(await client.GetStringAsync("/api/health"));
            Assert.Equal("azure-functions", health["host"]!.Value<string>());

            var compute = await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("""{"period": "2022"}"""));
            Assert.Equal(HttpStatusCode.OK, compute.StatusCode);
            var run = JObject.Parse(await compute.Content.ReadAsStringAsync());
            var expected = await DirectRun.ComputeAsync(Abstractions.ReferencePeriod.ForCalendarYear(2022));
            Assert.Equal(33, run["areas"]!.Count());
            var first = run["areas"]![0]!["scores"]!.First(s => s["nodeCode"]!.Value<string>() == expected.Result.Index.Code);
            var score = expected.Result.Index.Scores[0];
            Assert.Equal(double.IsNaN(score) ? null : score, first["score"]!.Value<double?>());

            // Under the host, the timer invocation needs no key: the host is the only caller on 127.0.0.1.
            var invocation = await client.PostAsync("/PublishIndex", ApiFactory.Json("""{"Data": {"timer": {"IsPastDue": false}}, "Metadata": {}}"""));
            Assert.Equal(HttpStatusCode.OK, invocation.StatusCode);
            var answer = JObject.Parse(await invocation.Content.ReadAsStringAsync());
            Assert.StartsWith("Published london ", answer["Logs"]![0]!.Value<string>());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/frameworks/london/runs/latest")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process process, System.Text.StringBuilder output)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the handler exited: {output}");
            try
            {
                if ((await client.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"the handler did not answer within 60 s: {output}");
            await Task.Delay(200);
        }
    }
}
