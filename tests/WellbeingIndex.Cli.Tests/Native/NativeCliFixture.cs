using System.Diagnostics;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Cli.Tests.Native;

/// <summary>
/// The CLI's Native AOT binary, the build the README recommends: <c>WELLBEING_NATIVE_CLI</c> names it (tests/run.sh
/// publishes it before the tests); otherwise it is published here once (a few minutes). A failed publish fails the tests.
/// </summary>
public sealed class NativeCliFixture
{
    public const string EnvironmentVariable = "WELLBEING_NATIVE_CLI";

    public NativeCliFixture()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            Executable = File.Exists(given) ? given : throw new InvalidOperationException($"{EnvironmentVariable} = {given}, which does not exist.");
            return;
        }

        var root = AzuriteProcess.RepositoryRoot();
        var output = Path.Combine(root, "artifacts", "native");
        var (code, stdout, stderr) = Execute("dotnet", root, [ "publish", "src/WellbeingIndex.Cli", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nologo", "-v", "q"]);
        Executable = Path.Combine(output, "wellbeing");
        if (code != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"Publishing the native CLI failed (exit {code}):\n{stdout}{stderr}");
        }
    }

    /// <summary>Full path of the native <c>wellbeing</c> executable.</summary>
    public string Executable { get; }

    /// <summary>Runs the native binary to its end in <paramref name="workingDirectory"/>.</summary>
    public (int Code, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) => Execute(Executable, workingDirectory, args);

    private static (int Code, string Stdout, string Stderr) Execute(string file, string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
