using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Server;

/// <summary>
/// The built standalone server run as a user runs it (<c>dotnet WellbeingIndex.Server.dll --urls …</c>) on a free
/// loopback port, with the in-memory store and the real data; killed on dispose.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Client { get; }

    /// <summary>The server's base address (for clients with their own handler).</summary>
    public Uri Address => Client.BaseAddress!;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the server with <paramref name="environment"/> added and waits until /api/health answers.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = RepoPaths.BuildOutput(Path.Combine("src", "WellbeingIndex.Server"), "WellbeingIndex.Server.dll");
        Assert.True(File.Exists(dll), $"build the server project first: {dll} is missing");
        var port = FreePort();
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
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        var server = new ServerProcess(Process.Start(start)!, port);
        server._process.OutputDataReceived += (_, e) => { lock (server._output) server._output.AppendLine(e.Data); };
        server._process.ErrorDataReceived += (_, e) => { lock (server._output) server._output.AppendLine(e.Data); };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilUpAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // SIGKILL is fine: the in-memory store has nothing to flush
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilUpAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"the server exited: {Output}");
            try
            {
                if ((await Client.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"the server did not answer within 60 s: {Output}");
            await Task.Delay(200);
        }
    }
}
