using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using WellbeingIndex.Tests.Azurite;

namespace WellbeingIndex.Publication.Tests;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task Starts_serves_tables_and_stops_on_sigint()
    {
        int port;
        await using (var azurite = await AzuriteProcess.StartAsync())
        {
            port = azurite.Port;
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("Probe");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });

            Assert.Equal(42, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("Value"));
        }

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Without_npm_ci_it_fails_saying_how_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("wellbeing-no-azurite-");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(repositoryRoot: empty.FullName));

            Assert.Contains("npm ci --prefix tests/azurite", error.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(empty.FullName, "tests", "azurite", "node_modules", ".bin", "azurite-table"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
