using WellbeingIndex.Engine.Inequality;

namespace WellbeingIndex.Engine.Tests.Inequality;

public class PlaceSummariesTests
{
    [Fact]
    public void Groups_by_place_and_ranks_the_worst_first()
    {
        // Wellbeing scores (higher is better) 10, 20, 30, 40, NaN in places A, A, B, B, B; weights 1.
        // Worst first nationally over the 4 scored areas: 10 → 1, 20 → 2, 30 → 3, 40 → 4.
        var places = PlaceSummaries.Compute([10, 20, 30, 40, double.NaN], [1, 1, 1, 1, 1], ["A", "A", "B", "B", "B"], higherIsWorse: false, threshold: 25);
        var a = places[0];
        Assert.Equal(("A", 2, 0, 2.0, 15.0), (a.Place, a.Areas, a.MissingAreas, a.Weight, a.Mean));
        // n = 2, a fifth is 0.4 of an area: lowest 10, highest 20, gap 10.
        Assert.Equal((10.0, 20.0, 10.0), (a.LowestFifth, a.HighestFifth, a.FifthGap));
        // Gini of 10, 20: ordered differences 2·10 = 20; 20 / (2·2²·15) = 0.1666667.
        Assert.Equal(0.1666667, a.Gini!.Value, 7);
        // Reversed ranks 4 + 1 − 1 = 4 and 3: average 3.5. Share below 25: both areas, 1.
        Assert.Equal((3.5, 1.0), (a.AverageRank, a.ShareBelow!.Value));
        // Atkinson ε = 1: EDE = √(10·20) = 14.142136; A = 1 − 14.142136/15 = 0.0571910; adjusted = 14.142136.
        Assert.Equal(0.0571910, a.Atkinson1!.Value, 7);
        Assert.Equal(14.142136, a.AdjustedMean1!.Value, 6);
        Assert.Equal(("B", 2, 1, 35.0), (places[1].Place, places[1].Areas, places[1].MissingAreas, places[1].Mean));

        // The same scores as deprivation (higher is worse): 40 is now rank 1, so B holds the most deprived.
        var deprivation = PlaceSummaries.Compute([10, 20, 30, 40], [1, 1, 1, 1], ["A", "A", "B", "B"], higherIsWorse: true);
        Assert.Equal((1.5, 3.5), (deprivation[0].AverageRank, deprivation[1].AverageRank));
        Assert.Null(deprivation[0].ShareBelow);
    }

    [Fact]
    public void A_zero_score_leaves_Atkinson_null_with_a_note()
    {
        var place = PlaceSummaries.Compute([0, 10], [1, 1], ["A", "A"], higherIsWorse: false).Single();
        Assert.Null(place.Atkinson05);
        Assert.Null(place.AdjustedMean1);
        // Gini of 0, 10: ordered differences 2·10 = 20; 20 / (2·2²·5) = 0.5.
        Assert.Equal(0.5, place.Gini!.Value, 12);
        Assert.Contains("Atkinson needs positive scores", place.Note);
    }
}
