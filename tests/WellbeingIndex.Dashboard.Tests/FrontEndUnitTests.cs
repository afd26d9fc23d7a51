using System.Diagnostics;
using Xunit.Abstractions;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>The dashboard's pure functions (dashboard/test/*.test.mjs, node:test) run as part of the suite.</summary>
public class FrontEndUnitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_dashboards_node_unit_tests_pass()
    {
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=tap", "test/"])
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "dashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        output.WriteLine(await stdout);
        Assert.True(node.ExitCode == 0, $"node --test failed ({node.ExitCode}): {await stdout}{await stderr}");
        Assert.Contains("# fail 0", await stdout);
        Assert.Matches(@"# pass [1-9]\d*", await stdout);
    }
}
