using WellbeingIndex.Engine.Inequality;

namespace WellbeingIndex.Engine.Tests.Inequality;

public class PlaceSummaryCsvTests
{
    [Fact]
    public void Rows_follow_the_header_with_empty_cells_for_measures_that_do_not_apply()
    {
        PlaceSummary[] places =
        [
            new("E09000001", 6, 0, 8600, 0.25, 0.1, 0.4, 0.30000000000000004, 0.125, 0.02, 0.04, 0.245, 0.24, 0.2, 0.5, 1234.5, 0, 0.1, 0.05, null),
            // One small area: no spread, so Gini and Atkinson do not apply (null), and a NaN never reaches a cell.
            new("E09000002", 1, 2, double.NaN, 7, 7, 7, 0, null, null, null, null, null, null, null, 17, 1, 1, 1, "1 area, 2 missing"),
        ];
        var names = new Dictionary<string, string> { ["E09000001"] = "City of London, the" };
        using var writer = new StringWriter();

        PlaceSummaryCsv.Write(places, names, writer);

        var lines = writer.ToString().Split('\n');
        Assert.Equal(
        [
            PlaceSummaryCsv.Header,
            // A name holding a comma is quoted; 0 areas missing is 0, not empty; numbers round-trip (0.1 + 0.2).
            "E09000001,\"City of London, the\",6,0,8600,0.25,0.1,0.4,0.30000000000000004,0.125,0.02,0.04,0.245,0.24,0.2,0.5,1234.5,0,0.1,0.05,",
            // No name: the code; the population NaN and the seven nulls are empty cells.
            "E09000002,E09000002,1,2,,7,7,7,0,,,,,,,,17,1,1,1,\"1 area, 2 missing\"",
            "",
        ], lines);
    }
}
