using WellbeingIndex.Engine.Tests;
using WellbeingIndex.Providers;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Cli.Tests.Native;

/// <summary>
/// The Native AOT binary does what the JIT build does: the same bytes for the same commands (COINr's example, the London
/// framework from its providers, audit and sensitivity tables, JSON), the same run id when publishing (the engine
/// fingerprint survives ahead-of-time compilation) and the same answers read back from Table Storage; plug-ins, which
/// it cannot load, are refused in one line.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NativeBuildTests(AzuriteFixture azurite, NativeCliFixture native) : IClassFixture<NativeCliFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wellbeing-native-").FullName;
    private readonly string _data = DataDirectory.FromEnvironment();

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Compute_on_COINr_example_writes_the_same_bytes(string extension)
    {
        string[] args = ["compute", "--idata", CoinrData.IData, "--imeta", CoinrData.IMeta, "--impute", "mean"];
        var (nativeFile, jitFile) = await BothTo($"asem.{extension}", args);
        Assert.Equal(File.ReadAllBytes(jitFile), File.ReadAllBytes(nativeFile));
        // ASEM: 51 countries, so a header and 51 rows in the CSV.
        if (extension == "csv")
        {
            Assert.Equal(52, File.ReadAllLines(nativeFile).Length);
        }
    }

    [Fact]
    public async Task Compute_of_the_London_framework_from_its_providers_writes_the_same_bytes()
    {
        var (nativeFile, jitFile) = await BothTo("london.csv", ["compute", "--framework", "london", "--data-dir", _data]);
        Assert.Equal(File.ReadAllText(jitFile), File.ReadAllText(nativeFile));
        Assert.Equal(34, File.ReadAllLines(nativeFile).Length);   // 33 boroughs and a header
    }

    [Fact]
    public async Task Audit_and_sensitivity_write_the_same_tables()
    {
        string[] input = ["--idata", CoinrData.IData, "--imeta", CoinrData.IMeta, "--impute", "mean"];
        await BothTo("audit", ["audit", .. input]);
        await BothTo("sensitivity", ["sensitivity", .. input, "--uncertain", "weights:0.25", "--uncertain", "normalise:minmax,zscore", "--runs", "40", "--sobol"]);
        foreach (var name in new[] { "audit", "sensitivity" })
        {
            var tables = Directory.GetFiles(Path.Combine(_folder, "jit", name), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(tables);
            Assert.Equal(tables, Directory.GetFiles(Path.Combine(_folder, "native", name), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var table in tables)
            {
                Assert.Equal(File.ReadAllText(Path.Combine(_folder, "jit", name, table!)), File.ReadAllText(Path.Combine(_folder, "native", name, table!)));
            }
        }
    }

    [Fact]
    public async Task Methods_and_a_definition_error_read_the_same()
    {
        var definition = Path.Combine(_folder, "bad.json");
        File.WriteAllText(definition, """{ "id": "x", "nodes": [ { "code": "a", "parent": "nowhere" } ] }""");
        foreach (var args in new[] { new[] { "methods" }, ["validate", "--definition", definition], ["compute", "--idata", Path.Combine(_folder, "missing.csv"), "--imeta", CoinrData.IMeta] })
        {
            var jit = await InProcess(args);
            var aot = native.Run(_folder, args);
            Assert.Equal(jit, aot);
        }
    }

    [Fact]
    public void Plug_ins_are_refused_in_one_line_with_exit_1()
    {
        var plugins = Directory.CreateDirectory(Path.Combine(_folder, "plugins")).FullName;
        File.Copy(typeof(NativeBuildTests).Assembly.Location, Path.Combine(plugins, "Some.Provider.dll"));

        var (code, stdout, stderr) = native.Run(_folder, "compute", "--framework", "london", "--data-dir", _data, "--plugins", plugins);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            $"error: this is the native (ahead-of-time compiled) build, which cannot load plug-in assemblies: run a plug-in with the JIT build (dotnet run, or dotnet publish without PublishAot), or compile the provider into the indicators project. (in {Path.Combine(plugins, "Some.Provider.dll")})\n",
            stderr);
    }

    [Fact]
    public async Task Publish_gives_the_JIT_build_run_id_and_runs_latest_reads_back_the_same()
    {
        var (nativePrefix, jitPrefix) = ("Nat" + Guid.NewGuid().ToString("N")[..12], "Jit" + Guid.NewGuid().ToString("N")[..12]);
        string[] publish = ["publish", "--framework", "london", "--period", "2022", "--data-dir", _data, "--tables", azurite.ConnectionString];
        var aot = native.Run(_folder, [.. publish, "--table-prefix", nativePrefix]);
        var jit = await InProcess([.. publish, "--table-prefix", jitPrefix]);
        Assert.True(aot.Code == 0, aot.Stderr);
        Assert.True(jit.Code == 0, jit.Stderr);
        // "published london 2022 as run 2022-…: 33 areas, …": the run id hashes inputs, recipe and engine fingerprint.
        Assert.Equal(jit.Stdout.Split(' ')[5], aot.Stdout.Split(' ')[5]);
        Assert.StartsWith("2022-", aot.Stdout.Split(' ')[5], StringComparison.Ordinal);

        foreach (var format in new[] { "summary", "csv", "json" })
        {
            string[] latest = ["runs", "latest", "--framework", "london", "--tables", azurite.ConnectionString, "--table-prefix", nativePrefix, "--format", format];
            var read = native.Run(_folder, latest);
            Assert.True(read.Code == 0, read.Stderr);
            Assert.Equal((await InProcess(latest)).Stdout, read.Stdout);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs the command in both builds with <c>--out</c> under native/ and jit/; returns the two paths.</summary>
    private async Task<(string Native, string Jit)> BothTo(string output, string[] args)
    {
        var (nativeOut, jitOut) = (Path.Combine(_folder, "native", output), Path.Combine(_folder, "jit", output));
        Directory.CreateDirectory(Path.GetDirectoryName(nativeOut)!);
        Directory.CreateDirectory(Path.GetDirectoryName(jitOut)!);
        var aot = native.Run(_folder, [.. args, "--out", nativeOut]);
        var jit = await InProcess([.. args, "--out", jitOut]);
        Assert.True(jit.Code == 0, jit.Stderr);
        Assert.True(aot.Code == 0, aot.Stderr);
        return (nativeOut, jitOut);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> InProcess(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
