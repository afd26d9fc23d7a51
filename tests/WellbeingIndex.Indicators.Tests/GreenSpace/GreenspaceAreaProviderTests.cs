using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.GreenSpace;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.GreenSpace;

public class GreenspaceAreaProviderTests
{
    private readonly GreenspaceAreaProvider _provider = new(Context);

    [Theory]
    // column 60 "% of area that is Greenspace, 2005"; line 20: E09000019,E09000019,Islington,... 12.4
    [InlineData("E09000019", 12.4)]
    // line 14: E09000013,...,Hammersmith and Fulham,... 19.100000000000001 (as published)
    [InlineData("E09000013", 19.1)]
    // line 35: #1,E13000001,Inner London,... 21.7 (keyed by "New code")
    [InlineData("E13000001", 21.7)]
    public async Task Reads_the_column_with_the_year_from_its_header(string area, double expected)
    {
        var v = await ValueAsync(_provider, area, Year(2017));
        Assert.Equal(new IndicatorValue(area, expected, Year(2005), ValueStatus.Ok), v);
    }

    [Fact]
    public async Task A_dot_cell_is_not_available_with_the_publisher_marker()
    {
        // line 39: #5,K02000001,United Kingdom,... '.' in the greenspace column
        var v = await ValueAsync(_provider, "K02000001", Year(2017));
        Assert.Equal(ValueStatus.NotAvailable, v.Status);
        Assert.Equal(Year(2005), v.Period);
        Assert.Contains("'.'", v.Reason);
    }

    [Fact]
    public async Task Before_2005_there_is_nothing()
    {
        Assert.Equal([Year(2005)], await _provider.GetAvailablePeriodsAsync());
        Assert.Equal(ValueStatus.NotAvailable, (await ValueAsync(_provider, "E09000019", Year(2004))).Status);
    }
}
