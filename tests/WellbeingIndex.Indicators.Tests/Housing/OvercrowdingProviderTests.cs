using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Housing;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Housing;

public class OvercrowdingProviderTests
{
    private static readonly ReferencePeriod CensusDay = ReferencePeriod.ForDate(new NodaTime.LocalDate(2021, 3, 21));

    [Fact]
    public async Task LSOA_share_read_by_hand()
    {
        // lines 2-3: "E01000001","-1 (overcrowded)",24,840 and "-2 or less (overcrowded)",2,840 -> 100 * 26 / 840 = 3.0952381
        var v = await ValueAsync(new OvercrowdingLsoaProvider(Context), "E01000001", Year(2022));
        Assert.Equal((ValueStatus.Ok, CensusDay), (v.Status, v.Period!.Value));
        Assert.Equal(3.0952381, v.Value!.Value, 1e-7);
        Assert.Equal("overcrowding-census2021-lsoa", new OvercrowdingLsoaProvider(Context).Metadata.Id);
    }

    [Fact]
    public async Task District_share_sums_households_over_its_LSOAs()
    {
        // City of London's six 2021 LSOAs (lines 2-3, 7-8, 12-13, 17-18, 155292-155293, 155297-155298):
        // overcrowded 26 + 23 + 50 + 75 + 36 + 23 = 233; households 840 + 824 + 1017 + 479 + 879 + 877 = 4916;
        // 100 * 233 / 4916 = 4.7396257 (household-weighted: not the mean of the six LSOA percentages).
        var provider = new OvercrowdingProvider(Context);
        var v = await ValueAsync(provider, "E09000001", Year(2021));
        Assert.Equal(4.7396257, v.Value!.Value, 1e-7);
        Assert.Equal("overcrowding-census2021", provider.Metadata.Id);
        Assert.Equal(GeographyLevel.LocalAuthority, provider.Metadata.Geography);
        var london = (await ValueAsync(provider, "E12000007", Year(2021))).Value!.Value;
        var england = (await ValueAsync(provider, "E92000001", Year(2021))).Value!.Value;
        Assert.True(london > england, $"London {london} should be more overcrowded than England {england}.");
        Assert.Equal(ValueStatus.NotAvailable, (await ValueAsync(provider, "E09000001", Year(2020))).Status);
        Assert.Equal(ValueStatus.NotAvailable, (await ValueAsync(provider, "W06000001", Year(2021))).Status);
    }

    [Fact]
    public void Ratings_that_do_not_add_up_are_a_data_error()
    {
        const string header = "lsoa21_code,occupancy_rating_bedrooms,households,total_households\n";
        using var dir = new TempDataDirectory().Write(CensusOccupancyTable.FileName, header
            + "E01,-1 (overcrowded),1,10\nE01,-2 or less (overcrowded),1,10\nE01,0 (ideal),1,10\nE01,+1 (under-occupied),1,10\nE01,+2 or more (under-occupied),1,10\n");
        Assert.Contains("add up to 5, not the total 10", Assert.Throws<IndicatorDataException>(() => CensusOccupancyTable.For(dir.Context)).Message);
        using var bad = new TempDataDirectory().Write(CensusOccupancyTable.FileName, header + "E01,-3,1,10\n");
        Assert.Contains("line 2: unknown occupancy rating '-3'", Assert.Throws<IndicatorDataException>(() => CensusOccupancyTable.For(bad.Context)).Message);
    }
}
