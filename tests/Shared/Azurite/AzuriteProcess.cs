using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace WellbeingIndex.Tests.Azurite;

/// <summary>
/// An Azurite table service on a free local port, in memory, started from <c>tests/azurite</c> (installed by
/// <c>npm ci --prefix tests/azurite</c>), run in a temporary working folder. Stopped with SIGINT: on SIGTERM Azurite may drop recent writes.
/// Shared by the tests' fixture and the publishing benchmark (linked source).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known public development account key (not a secret).</summary>
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const int SigInt = 2;

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _workspace;

    private AzuriteProcess(Process process, StringBuilder output, string workspace, int port)
    {
        _process = process;
        _output = output;
        _workspace = workspace;
        Port = port;
    }

    public int Port { get; }

    /// <summary>CPU time Azurite has used so far (benchmarks report it: wall-clock on a shared machine is not its work).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string ConnectionString => ConnectionStringAt(Port);

    /// <summary>The development account's connection string with its table endpoint at <paramref name="port"/> on loopback.</summary>
    public static string ConnectionStringAt(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>A connection string whose port was free a moment ago and is closed now: storage that is down.</summary>
    public static string UnreachableConnectionString() => ConnectionStringAt(FreePort());

    /// <summary>Starts Azurite and waits until its port answers; throws with the reason when it cannot.</summary>
    /// <param name="timeout">How long to wait for the port (default 60 s: node starts slowly on a loaded 2-core machine).</param>
    /// <param name="repositoryRoot">The folder holding <c>tests/azurite</c>; default: found from the running assembly.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<AzuriteProcess> StartAsync(TimeSpan? timeout = null, string? repositoryRoot = null, CancellationToken cancellationToken = default)
    {
        var root = repositoryRoot ?? RepositoryRoot();
        var binary = Path.Combine(root, "tests", "azurite", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"Azurite is not installed: {binary} does not exist. Run: npm ci --prefix tests/azurite");
        }

        var port = FreePort();
        var workspace = Directory.CreateTempSubdirectory("wellbeing-azurite-").FullName;
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workspace,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {binary}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, output, workspace, port);
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                var message = $"Azurite exited with code {process.ExitCode} before listening on port {port}. Output:\n{azurite.Output}\n(If it is missing or broken, run: npm ci --prefix tests/azurite)";
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException(message);
            }

            bool answers;
            try
            {
                answers = await AnswersAsync(port, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Cancelled or failed while waiting: never leave the process behind.
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            if (answers)
            {
                return azurite;
            }

            if (deadline.Elapsed > limit)
            {
                var message = $"Azurite did not listen on port {port} within {limit.TotalSeconds:0} s. Output:\n{azurite.Output}\n(Run: npm ci --prefix tests/azurite)";
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException(message);
            }

            try
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>What Azurite printed (stdout and stderr).</summary>
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigInt);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    /// <summary>The folder holding WellbeingIndex.sln, found by walking up from the running assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WellbeingIndex.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No WellbeingIndex.sln above {AppContext.BaseDirectory}.");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>A loopback port free at the time of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
