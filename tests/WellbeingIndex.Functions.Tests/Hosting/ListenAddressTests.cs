using WellbeingIndex.Functions.Hosting;

namespace WellbeingIndex.Functions.Tests.Hosting;

public class ListenAddressTests
{
    [Theory]
    [InlineData("53111", null, "http://127.0.0.1:53111")] // the host's port wins over everything
    [InlineData("53111", "http://0.0.0.0:9000", "http://127.0.0.1:53111")]
    [InlineData(null, null, "http://localhost:7071")] // standalone default: the port func start uses
    [InlineData(null, "http://0.0.0.0:9000", null)] // --urls / ASPNETCORE_URLS left to ASP.NET Core
    public void The_address_follows_the_host_then_the_user(string? port, string? urls, string? expected)
    {
        Assert.Equal(expected, ListenAddress.Choose(port, urls));
    }

    [Fact]
    public void A_bad_port_names_the_variable()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ListenAddress.Choose("http", null));
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", e.Message);
    }
}
