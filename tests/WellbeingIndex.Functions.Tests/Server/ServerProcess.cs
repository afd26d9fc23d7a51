using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Server;

/// <summary>
/// The built standalone server as a user runs it (<c>dotnet WellbeingIndex.Server.dll</c>) on a free loopback port,
/// in-memory store, timer off, publishing once at start; killed on dispose.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server printed (for assertion messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync()
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

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // SIGKILL is fine: the in-memory store has nothing to flush
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilUpAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"the server exited: {Output}");
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

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"the server did not answer within 60 s: {Output}");
            await Task.Delay(200);
        }
    }
}
