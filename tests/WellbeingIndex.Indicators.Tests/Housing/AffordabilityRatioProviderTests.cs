using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Housing;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Housing;

public class AffordabilityRatioProviderTests
{
    private readonly AffordabilityRatioProvider _provider = new(Context);

    [Theory]
    // line 727: E09000033,00BK,Westminster,London borough,2023,median_house_price_to_median_residence_based_earnings_ratio,19.11,
    [InlineData("E09000033", 2023, 19.11)]
    // line 412: E09000019,00AU,Islington,London borough,2016,median_house_price_to_median_residence_based_earnings_ratio,16.51,
    [InlineData("E09000019", 2016, 16.51)]
    // line 881: E12000007,H,London,region,2023,median_house_price_to_median_residence_based_earnings_ratio,12.66,
    [InlineData("E12000007", 2023, 12.66)]
    // line 22: E09000001,00AA,City of London,London borough,2022,median_house_price_to_median_residence_based_earnings_ratio,16.07,
    [InlineData("E09000001", 2022, 16.07)]
    public async Task Reads_the_median_ratio(string area, int year, double expected)
    {
        var v = await ValueAsync(_provider, area, Year(year));
        Assert.Equal(new IndicatorValue(area, expected, Year(year), ValueStatus.Ok), v);
    }

    [Fact]
    public async Task City_of_London_withheld_cells_are_suppressed_with_the_reason()
    {
        // line 23: E09000001,00AA,City of London,London borough,2023,median_house_price_to_median_residence_based_earnings_ratio,,suppressed_or_unavailable
        var v = await ValueAsync(_provider, "E09000001", Year(2023));
        Assert.Equal(ValueStatus.Suppressed, v.Status);
        Assert.Null(v.Value);
        Assert.Equal(Year(2023), v.Period);
        Assert.StartsWith("ONS: ratio withheld", v.Reason);
    }

    [Fact]
    public async Task Is_lower_is_better_and_covers_2002_to_2023()
    {
        Assert.Equal(Direction.LowerIsBetter, _provider.Metadata.Direction);
        Assert.Equal(Enumerable.Range(2002, 22).Select(Year), await _provider.GetAvailablePeriodsAsync());
    }
}
