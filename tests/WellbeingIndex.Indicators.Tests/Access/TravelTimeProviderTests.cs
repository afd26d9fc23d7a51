using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Access;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Access;

/// <summary>DfT travel time to the nearest employment centre against dft_travel_time_employment_centre_la_2014_2019.csv.</summary>
public class TravelTimeProviderTests
{
    [Fact]
    public async Task Each_mode_reads_its_own_measure()
    {
        // line 5260: E09000017,Hillingdon,...,2017,2017-01-01/P1Y,minutes_to_employment_centre_500_4999_jobs_pt_walk,8.9667469301492,mins,,,,
        // line 1550: ...,2017,...,minutes_to_employment_centre_500_4999_jobs_car,7.7338060451985,
        // line 3405: ...,2017,...,minutes_to_employment_centre_500_4999_jobs_cycle,8.31978703340652,
        Assert.Equal(8.9667469301492, (await ValueAsync(new TravelTimePublicTransportWalkProvider(Context), "E09000017", Year(2017))).Value);
        Assert.Equal(7.7338060451985, (await ValueAsync(new TravelTimeCarProvider(Context), "E09000017", Year(2017))).Value);
        Assert.Equal(8.31978703340652, (await ValueAsync(new TravelTimeCycleProvider(Context), "E09000017", Year(2017))).Value);
    }

    [Fact]
    public async Task There_is_no_2018_so_2018_takes_2017_and_later_years_take_2019()
    {
        var provider = new TravelTimePublicTransportWalkProvider(Context);
        Assert.Equal(new IndicatorValue("E09000017", 8.9667469301492, Year(2017), ValueStatus.Ok), await ValueAsync(provider, "E09000017", Year(2018)));
        // line 5261: E09000017,Hillingdon,...,2019,2019-01-01/P1Y,minutes_to_employment_centre_500_4999_jobs_pt_walk,9.22257398462836,
        Assert.Equal(new IndicatorValue("E09000017", 9.22257398462836, Year(2019), ValueStatus.Ok), await ValueAsync(provider, "E09000017", Year(2023)));
        Assert.Equal(new[] { 2014, 2015, 2016, 2017, 2019 }.Select(Year), await provider.GetAvailablePeriodsAsync());
        Assert.Equal(Direction.LowerIsBetter, provider.Metadata.Direction);
    }
}
