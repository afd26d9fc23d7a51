using WellbeingIndex.Abstractions;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication.Tests;

/// <summary>
/// The published roll-ups read the polarity from the framework definition (<c>"higherIsWorse"</c>), not from a list of
/// framework ids: the same scores give the most deprived tenth to the other borough when the polarity flips.
/// </summary>
public class RollUpPolarityTests
{
    // Ten 2021 LSOAs (the LSOA lookup in the data directory): four in the City of London (E09000001), six in Barking and
    // Dagenham (E09000002). Pay 1..10 in this order, so the index (pay min-max to 0–100) is lowest in E01000001 (City)
    // and highest in E01000012 (Barking).
    private static readonly IReadOnlyList<Area> Areas =
    [
        new("E01000001", "City of London 001A"), new("E01000002", "City of London 001B"), new("E01000003", "City of London 001C"),
        new("E01000005", "City of London 001E"),
        new("E01000006", "Barking and Dagenham 016A"), new("E01000007", "Barking and Dagenham 015A"), new("E01000008", "Barking and Dagenham 015B"),
        new("E01000009", "Barking and Dagenham 016B"), new("E01000011", "Barking and Dagenham 016C"), new("E01000012", "Barking and Dagenham 015D"),
    ];

    private static readonly double?[] Pay = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    private static readonly ProviderContext Data = new(DataDirectory.FromEnvironment());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_most_deprived_tenth_follows_the_definitions_polarity(bool higherIsWorse)
    {
        var run = TestRuns.PayOnly(Areas, Pay, higherIsWorse);

        var rollups = IndexPublisher.RollUp(run, Data);

        var districts = Assert.Single(rollups, r => r.Level == PlaceLevel.LocalAuthority && r.Node == "index");
        Assert.Equal(higherIsWorse, districts.HigherIsWorse);
        var city = districts.Places.Single(p => p.Place == "E09000001");
        var barking = districts.Places.Single(p => p.Place == "E09000002");
        Assert.Equal((4, 6), (city.Areas, barking.Areas));
        // National n = 10, so the most deprived tenth is rank 1 alone. Higher is worse: rank 1 is the highest score,
        // E01000012, one of Barking's six LSOAs → Barking 1/6, City 0. Higher is better: rank 1 is the lowest score,
        // E01000001, one of the City's four → City 1/4, Barking 0.
        var (cityShare, barkingShare) = higherIsWorse ? (0.0, 1.0 / 6) : (1.0 / 4, 0.0);
        Assert.Equal(cityShare, city.ProportionMostDeprivedTenth, 12);
        Assert.Equal(barkingShare, barking.ProportionMostDeprivedTenth, 12);
    }
}
