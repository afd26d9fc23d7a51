using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WellbeingIndex.Api;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Server;

namespace WellbeingIndex.Benchmarks.Api;

/// <summary>
/// The what-if compute handler in a loop on one thread, without sockets: what one request costs the server in CPU and
/// allocations (the handler, the engine run and the JSON answer written to a discarding stream), then each step of it
/// timed alone. Rotates the eight what-if bodies the load test sends. Usage: <c>-- api-loop [requests=10000] [warmup=2000]</c>.
/// </summary>
public static class ComputeLoopBenchmark
{
    /// <summary>The what-if bodies tests/load/run.sh rotates (keep the two lists alike).</summary>
    public static readonly string[] Bodies =
    [
        """{"weights": {"decent-home": 2}}""",
        """{"weights": {"decent-home": 3}}""",
        """{"weights": {"decent-home": 0.5}}""",
        """{"weights": {"decent-home": 1.5}}""",
        """{"weights": {"decent-home": 2.5}}""",
        """{"weights": {"decent-home": 4}}""",
        """{"weights": {"decent-home": 0.25}}""",
        """{"weights": {"decent-home": 5}}""",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var query = args.Length > 2 ? args[2] : "";
        await using var app = StandaloneServer.Build(
        [
            "--WELLBEING_TIMER", "false",
            "--WELLBEING_PUBLISH_ON_START", "false",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        var operation = app.Services.GetRequiredService<ComputeIndex>();
        var bodies = Bodies.Select(Encoding.UTF8.GetBytes).ToArray();
        long bytes = 0;

        async Task OneAsync(int i)
        {
            var context = new DefaultHttpContext { RequestServices = app.Services };
            context.Request.Method = "POST";
            context.Request.ContentType = "application/json";
            context.Request.QueryString = new QueryString(query);
            var body = bodies[i % bodies.Length];
            context.Request.Body = new MemoryStream(body, writable: false);
            context.Request.ContentLength = body.Length;
            var counter = new CountingStream();
            context.Response.Body = counter;
            var result = await operation.HandleAsync(context.Request, "london");
            await result.ExecuteAsync(context);
            bytes = counter.Length;
        }

        for (var i = 0; i < warmup; i++)
        {
            await OneAsync(i);
        }

        var gcs = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            await OneAsync(i);
        }

        var elapsed = watch.Elapsed;
        process.Refresh();
        var cpuUsed = process.TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compute what-if{query}, 33 London boroughs, {requests} requests in process: {elapsed.TotalMicroseconds / requests:F0} us wall, " +
            $"{cpuUsed.TotalMicroseconds / requests:F0} us CPU, {allocated / (double)requests / 1024:F1} KB allocated per request, " +
            $"{GC.CollectionCount(0) - gcs} gen0 GCs; answer {bytes} bytes"));
        Phases(app.Services, bodies, requests);
        return 0;
    }

    /// <summary>The what-if path's steps, each timed on this thread with what it allocates: where a request's cost goes.</summary>
    private static void Phases(IServiceProvider services, byte[][] bodies, int requests)
    {
        var runtime = services.GetRequiredService<WellbeingRuntime>();
        var prepared = services.GetRequiredService<PreparedRuns>();
        var settings = services.GetRequiredService<ApiSettings>();
        var framework = runtime.Framework("london");
        var period = prepared.LatestPeriodAsync(framework, default).GetAwaiter().GetResult();
        var baseRun = prepared.BaseAsync(framework, period, default).GetAwaiter().GetResult();
        var output = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        var names = new[] { "read and check the body", "parse the request", "prepared variant", "run (re-aggregate)", "run id", "write the answer" };
        var ticks = new long[names.Length];
        var bytes = new long[names.Length];
        for (var i = 0; i < requests; i++)
        {
            var step = 0;
            var t = Stopwatch.GetTimestamp();
            var a = GC.GetAllocatedBytesForCurrentThread();
            void Lap()
            {
                var now = Stopwatch.GetTimestamp();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                ticks[step] += now - t;
                bytes[step] += allocated - a;
                step++;
                t = now;
                a = allocated;
            }

            var context = new DefaultHttpContext();
            var body = bodies[i % bodies.Length];
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(body, writable: false);
            context.Request.ContentLength = body.Length;
            t = Stopwatch.GetTimestamp();
            a = GC.GetAllocatedBytesForCurrentThread();
            var json = RequestBody.ReadObjectAsync(context.Request, settings.MaxBodyBytes, default).GetAwaiter().GetResult();
            Lap();
            var request = ComputeRequest.Parse(json);
            Lap();
            var variant = prepared.Definition(framework, request, json);
            Lap();
            var run = prepared.Vary(baseRun, variant.Definition, default);
            Lap();
            var id = PreparedRuns.WhatIfRunId(baseRun, variant);
            Lap();
            output.ResetWrittenCount();
            new LeanRunJson(run, id, true).WriteTo(output);
            Lap();
        }

        for (var k = 0; k < names.Length; k++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {names[k],-26} {Stopwatch.GetElapsedTime(0, ticks[k]).TotalMicroseconds / requests,8:F1} us {bytes[k] / (double)requests / 1024,8:F1} KB"));
        }
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) { Position += count; return Task.CompletedTask; }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) { Position += buffer.Length; return ValueTask.CompletedTask; }
    }
}
