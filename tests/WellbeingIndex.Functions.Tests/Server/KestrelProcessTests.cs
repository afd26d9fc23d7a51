using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Tests.Api;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Server;

/// <summary>
/// The built standalone server as a user runs it (<c>dotnet WellbeingIndex.Server.dll</c>), over real sockets and
/// Kestrel: it publishes at start-up, computes on request and serves the published run.
/// </summary>
public class KestrelProcessTests
{
    private static string ServerDll()
    {
        var dll = RepoPaths.BuildOutput(Path.Combine("src", "WellbeingIndex.Server"), "WellbeingIndex.Server.dll");
        Assert.True(File.Exists(dll), $"build the server project first: {dll} is missing");
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_server_publishes_at_start_and_serves_compute_and_published_runs()
    {
        var port = FreePort();
        var dll = ServerDll();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["WELLBEING_TIMER"] = "false";
        start.Environment["WELLBEING_DATA_DIR"] = DataDirectory.FromEnvironment();
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
            Assert.Equal("standalone", health["host"]!.Value<string>());
            Assert.Equal("memory", health["store"]!.Value<string>());

            var compute = await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("""{"period": "2022"}"""));
            Assert.Equal(HttpStatusCode.OK, compute.StatusCode);
            var run = JObject.Parse(await compute.Content.ReadAsStringAsync());
            var expected = await DirectRun.ComputeAsync(Abstractions.ReferencePeriod.ForCalendarYear(2022));
            Assert.Equal(33, run["areas"]!.Count());
            var first = run["areas"]![0]!["scores"]!.First(s => s["nodeCode"]!.Value<string>() == expected.Result.Index.Code);
            var score = expected.Result.Index.Scores[0];
            Assert.Equal(double.IsNaN(score) ? null : score, first["score"]!.Value<double?>());

            // Published once at start-up, before Kestrel listened: the latest run is the default (latest) period's.
            var latest = JObject.Parse(await client.GetStringAsync("/api/frameworks/london/runs/latest"));
            Assert.Equal((await DirectRun.LatestPeriodAsync()).ToString(), latest["run"]!["period"]!.Value<string>());
            Assert.Equal(33, latest["areas"]!.Count());
        }
        finally
        {
            process.Kill(entireProcessTree: true); // SIGKILL is fine: the in-memory store has nothing to flush
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process process, System.Text.StringBuilder output)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the server exited: {output}");
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

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"the server did not answer within 60 s: {output}");
            await Task.Delay(200);
        }
    }
}
