using WellbeingIndex.Engine.Data;

namespace WellbeingIndex.Engine.Tests.Data;

public class CsvTableTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var csv = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n";

        var t = CsvTable.Read(new StringReader(csv), "t.csv");

        Assert.Equal(["a", "b", "c"], t.Header);
        Assert.Equal(["1", "x, y", "say \"hi\""], t.Rows[0].Fields);
        Assert.Equal(["2", "two\nlines", ""], t.Rows[1].Fields);
        Assert.Equal(3, t.Rows[1].Line);
    }

    [Fact]
    public void A_ragged_row_names_its_line()
    {
        var e = Assert.Throws<InputDataException>(() => CsvTable.Read(new StringReader("a,b\n1,2\n3\n"), "t.csv"));

        Assert.Equal("t.csv line 3: 1 fields where the header has 2", e.Message);
    }

    [Fact]
    public void An_unclosed_quote_and_a_duplicate_header_are_errors()
    {
        Assert.Contains("not closed", Assert.Throws<InputDataException>(() => CsvTable.Read(new StringReader("a\n\"x\n"), "t.csv")).Message);
        Assert.Contains("'a' appears twice", Assert.Throws<InputDataException>(() => CsvTable.Read(new StringReader("a,a\n1,2\n"), "t.csv")).Message);
    }
}
