using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using WellbeingIndex.Api;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Server;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Benchmarks.Publishing;

/// <summary>
/// <c>latest [seconds=5] [connections=8] [path]</c>: <c>GET /api/frameworks/london/runs/latest</c> (or <c>path</c>, for comparison) over real Kestrel and
/// sockets with Table Storage (<c>WELLBEING_TABLES</c>, else an Azurite started here) after publishing London once:
/// requests per second, p50 and p99 from N concurrent connections, and the CPU time of this process and of Azurite.
/// </summary>
public static class LatestRunThroughputBenchmark
{
    private const string PublishKey = "bench-publish-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var path = args.Length > 2 ? args[2] : "/api/frameworks/london/runs/latest";
        var connection = Environment.GetEnvironmentVariable(ApiSettings.TablesKey);
        await using var azurite = string.IsNullOrWhiteSpace(connection) ? await AzuriteProcess.StartAsync() : null;
        connection ??= azurite!.ConnectionString;
        await using var app = StandaloneServer.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--{ApiSettings.TimerKey}", "false",
            $"--{ApiSettings.PublishOnStartKey}", "false",
            $"--{ApiSettings.TablesKey}", connection,
            $"--{ApiSettings.TablePrefixKey}", "Latest" + Guid.NewGuid().ToString("N")[..12],
            $"--{ApiSettings.PublishKeyKey}", PublishKey,
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using (var publish = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks/london/publish"))
        {
            publish.Headers.Add(ApiOperations.KeyHeader, PublishKey);
            (await client.SendAsync(publish)).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 50; i++)
        {
            (await client.GetAsync("/api/frameworks/london/runs/latest")).EnsureSuccessStatusCode();
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var azuriteBefore = azurite?.ProcessorTime ?? TimeSpan.Zero;
        var times = new List<double>[connections];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = times[c] = [];
            using var own = new HttpClient { BaseAddress = client.BaseAddress };
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var watch = Stopwatch.StartNew();
                using var response = await own.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var all = times.SelectMany(t => t).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path} (Table Storage), {connections} connections, {elapsed:F1} s, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: "
            + $"{all.Length / elapsed:F0} req/s, p50 {all[all.Length / 2]:F2} ms, p99 {all[(int)(all.Length * 0.99)]:F2} ms; "
            + $"CPU this process {(process.TotalProcessorTime - cpuBefore).TotalSeconds:F1} s, Azurite {((azurite?.ProcessorTime ?? TimeSpan.Zero) - azuriteBefore).TotalSeconds:F1} s"));
        await app.StopAsync();
        return 0;
    }
}
