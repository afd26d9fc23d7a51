using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>
/// The standalone server as the README's first command runs it: the built <c>WellbeingIndex.Server.dll</c> from its own
/// output folder (where the build copied the dashboard to wwwroot/), on a free loopback port, in memory.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private DashboardServer(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>The host's output folder for the configuration these tests were built in.</summary>
    public static string HostFolder()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepoPaths.Root, "src", "WellbeingIndex.Server", "bin", output.Parent!.Name, output.Name);
    }

    public static async Task<DashboardServer> StartAsync()
    {
        var folder = HostFolder();
        var dll = Path.Combine(folder, "WellbeingIndex.Server.dll");
        if (!File.Exists(dll) || !File.Exists(Path.Combine(folder, "wwwroot", "index.html")))
        {
            throw new InvalidOperationException($"the server and its dashboard are not built: {dll} or wwwroot/index.html beside it is missing.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            // Another folder than the host's on purpose: the dashboard must be found beside the assembly.
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["WELLBEING_TIMER"] = "false";
        start.Environment.Remove("WELLBEING_TABLES");
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("FUNCTIONS_CUSTOMHANDLER_PORT");
        var process = Process.Start(start)!;
        var server = new DashboardServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => { lock (server.output) server.output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (server.output) server.output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilUpAsync();
        return server;
    }

    private async Task WaitUntilUpAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited: {Output}");
            }

            try
            {
                if ((await client.GetAsync("api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"the host did not answer within 90 s: {Output}");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
