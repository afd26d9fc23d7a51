using WellbeingIndex.Engine.Data;

namespace WellbeingIndex.Engine.Tests.Data;

public class CsvTableTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var csv = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n";

        using var t = CsvTable.Read(new StringReader(csv), "t.csv");

        Assert.Equal(["a", "b", "c"], t.Header);
        Assert.True(t.Next());
        Assert.Equal(["1", "x, y", "say \"hi\""], new[] { t.Text(0), t.Text(1), t.Text(2) });
        Assert.Equal(2, t.Line);
        Assert.True(t.Next());
        Assert.Equal(["2", "two\nlines", ""], new[] { t.Text(0), t.Text(1), t.Text(2) });
        Assert.Equal(3, t.Line);
        Assert.False(t.Next());
    }

    [Fact]
    public void Numbers_are_parsed_in_place_and_missing_markers_are_NaN()
    {
        using var t = CsvTable.Read(new StringReader("v\n 1.5e2 \nNA\n\n..\n-0.25\nabc\n"), "t.csv");
        var values = new List<double>();
        while (t.Next() && t.Line < 7)
        {
            values.Add(t.Number(0, "v"));
        }

        // 1.5e2 = 150; NA and .. are missing; the blank line 4 is skipped.
        Assert.Equal([150, double.NaN, double.NaN, -0.25], values);
        var e = Assert.Throws<InputDataException>(() => t.Number(0, "v"));
        Assert.Equal("t.csv line 7, column 'v': 'abc' is not a number (leave the cell empty for a missing value)", e.Message);
    }

    [Fact]
    public void A_ragged_row_names_its_line()
    {
        using var t = CsvTable.Read(new StringReader("a,b\n1,2\n3\n"), "t.csv");
        Assert.True(t.Next());
        var e = Assert.Throws<InputDataException>(() => t.Next());

        Assert.Equal("t.csv line 3: 1 fields where the header has 2", e.Message);
    }

    [Theory]
    [InlineData("a,a\n1,2\n")]
    [InlineData("uCode,UCODE\n1,2\n")]
    [InlineData("Weight, weight \n1,2\n")]
    public void Header_names_repeated_ignoring_case_are_rejected(string csv)
    {
        var e = Assert.Throws<InputDataException>(() => CsvTable.Read(new StringReader(csv), "t.csv"));

        Assert.Contains("appears twice in the header (columns 1 and 2; names are compared ignoring case)", e.Message);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error()
    {
        using var t = CsvTable.Read(new StringReader("a\n\"x\n"), "t.csv");
        Assert.Contains("line 2: a quoted field is not closed", Assert.Throws<InputDataException>(() => t.Next()).Message);
    }
}
