using WellbeingIndex.Publication;

namespace WellbeingIndex.Functions.Tests.Http;

/// <summary>
/// Issue 13 item 6: every CSV answer (runs, series, history; the CLI's runs too) is written by <see cref="RunCsv"/>,
/// which now goes through the project's one CSV writer, so text a spreadsheet would run as a formula is neutralised.
/// </summary>
public class CsvNeutralisingTests
{
    [Fact]
    public void Text_cells_starting_with_a_formula_character_are_prefixed_and_numbers_are_not()
    {
        using var text = new StringWriter();
        RunCsv.Write(text, ["area_name", "a", "b", "c", "score", "rank", "missing", "nan"],
            [["=HYPERLINK(\"x\")", "+1", "-x", "@SUM(A1)", -1.5, 3, null, double.NaN]]);
        // Header as given; then ="…" quoted (it holds quotes) with ' inside the quotes, +1, -x, @SUM(A1) prefixed with ';
        // -1.5 and 3 as numbers; null and NaN as empty cells.
        Assert.Equal(
            "area_name,a,b,c,score,rank,missing,nan\n" +
            "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-x,'@SUM(A1),-1.5,3,,\n",
            text.ToString());
    }
}
