using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using WellbeingIndex.Server;

namespace WellbeingIndex.Benchmarks.Api;

/// <summary>
/// Latency of <c>POST /api/frameworks/london/compute</c> for the 33 boroughs over real Kestrel and sockets (the handler
/// in-process on a free loopback port): warm-up, then N sequential requests per body; prints median, p95, min, max and
/// the process's CPU time per request (client and server together; wall-clock is inflated when the machine is busy).
/// Usage: <c>-- api [requests=200] [warmup=20]</c>.
/// </summary>
public static class ComputeLatencyBenchmark
{
    private static readonly (string Name, string Query, string Body)[] Bodies =
    [
        ("latest period, as published", "", "{}"),
        ("period 2022", "", """{"period": "2022"}"""),
        ("what-if: rank + gmean", "", """{"period": "2022", "normalise": {"method": "rank"}, "aggregate": {"method": "gmean"}}"""),
        ("what-if: one weight (lean)", "", """{"weights": {"decent-home": 2}}"""),
        ("what-if: one weight, detail=full", "?detail=full", """{"weights": {"decent-home": 2}}"""),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        await using var app = StandaloneServer.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--WELLBEING_TIMER", "false",
            "--WELLBEING_PUBLISH_ON_START", "false",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Console.WriteLine($"compute latency, 33 London boroughs, {requests} sequential requests after {warmup} warm-up, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"body",-34} {"median ms",10} {"p95 ms",10} {"min ms",10} {"max ms",10} {"CPU us/req",11}");
        using var process = Process.GetCurrentProcess();
        foreach (var (name, query, body) in Bodies)
        {
            for (var i = 0; i < warmup; i++)
            {
                await PostAsync(client, query, body);
            }

            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var times = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                await PostAsync(client, query, body);
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            process.Refresh();
            var cpuPerRequest = (process.TotalProcessorTime - cpu).TotalMicroseconds / requests; // server and client: one process
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {Percentile(times, 0.5),10:F2} {Percentile(times, 0.95),10:F2} {times[0],10:F2} {times[^1],10:F2} {cpuPerRequest,11:F0}"));
        }

        await app.StopAsync();
        return 0;
    }

    private static async Task PostAsync(HttpClient client, string query, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/frameworks/london/compute" + query, content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
