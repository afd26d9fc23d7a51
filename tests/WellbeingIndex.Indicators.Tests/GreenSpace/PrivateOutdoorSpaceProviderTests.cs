using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.GreenSpace;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.GreenSpace;

public class PrivateOutdoorSpaceProviderTests
{
    private readonly PrivateOutdoorSpaceProvider _provider = new(Context);

    [Theory]
    // line 331: ...,E09000030,Tower Hamlets,...,131399,79237,1735771.4,0.603,85.8  (total_percentage = 0.603 -> 60.3 %)
    [InlineData("E09000030", 60.3)]
    // line 72: ...,E09000001,City of London,...,7707,554,3674.5,0.072,96.7  (0.072 -> 7.2 %)
    [InlineData("E09000001", 7.2)]
    // line 4: ...,E07000223,Adur,...,28290,25323,5361391.6,0.895,240.5  (any English authority, not only London)
    [InlineData("E07000223", 89.5)]
    public async Task Publishes_the_total_share_as_a_percentage(string area, double expected)
    {
        var v = await ValueAsync(_provider, area, Year(2020));
        Assert.Equal(new IndicatorValue(area, expected, Year(2020), ValueStatus.Ok), v);
        Assert.StartsWith("%", _provider.Metadata.Unit);
    }

    [Fact]
    public async Task Is_one_2020_snapshot()
    {
        Assert.Equal([Year(2020)], await _provider.GetAvailablePeriodsAsync());
        Assert.Equal(Year(2020), (await ValueAsync(_provider, "E09000030", Year(2023))).Period);
        var before = await ValueAsync(_provider, "E09000030", Year(2019));
        Assert.Equal(ValueStatus.NotAvailable, before.Status);
        Assert.Contains("earliest for 'E09000030' is 2020", before.Reason);
    }
}
