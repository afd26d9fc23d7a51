using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Environmental;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Environmental;

public class GhgEmissionsPerCapitaProviderTests
{
    private readonly GhgEmissionsPerCapitaProvider _provider = new(Context);

    [Theory]
    // line 5625: E09000033,Westminster,Local Authority District,2023,2023-01-01/P1Y,ghg_tco2e_per_capita,7.46,Tonnes of CO2 equivalent,,,,
    [InlineData("E09000033", 2023, 7.46)]
    // line 4999: E09000001,City of London,Local Authority District,2005,2005-01-01/P1Y,ghg_tco2e_per_capita,246.17,...
    [InlineData("E09000001", 2005, 246.17)]
    public async Task Reads_tonnes_per_resident(string area, int year, double expected)
    {
        Assert.Equal(new IndicatorValue(area, expected, Year(year), ValueStatus.Ok), await ValueAsync(_provider, area, Year(year)));
    }

    [Fact]
    public async Task Is_named_as_sustainability_lower_is_better_2005_to_2023()
    {
        Assert.StartsWith("Sustainability:", _provider.Metadata.Name);
        Assert.Equal("sustainability", _provider.Metadata.Domain);
        Assert.Equal(Direction.LowerIsBetter, _provider.Metadata.Direction);
        Assert.Equal(Enumerable.Range(2005, 19).Select(Year), await _provider.GetAvailablePeriodsAsync());
        // 2025 asks for the latest on or before it: 2023 (line 5625).
        var later = await ValueAsync(_provider, "E09000033", Year(2025));
        Assert.Equal((7.46, Year(2023)), (later.Value, later.Period));
    }
}
