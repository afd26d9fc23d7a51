using WellbeingIndex.Server;

namespace WellbeingIndex.Functions.Tests.Server;

public class ListenAddressTests
{
    [Theory]
    [InlineData(null, "http://localhost:7071")] // default: the port func start uses, so the same URLs work
    [InlineData("", "http://localhost:7071")]
    [InlineData("http://0.0.0.0:9000", null)] // --urls / ASPNETCORE_URLS left to ASP.NET Core
    public void The_address_is_the_functions_port_unless_the_user_chose_one(string? urls, string? expected)
    {
        Assert.Equal(expected, ListenAddress.Choose(urls));
    }
}
