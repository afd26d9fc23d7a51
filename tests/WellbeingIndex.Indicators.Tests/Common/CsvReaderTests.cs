using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Tests.Common;

public class CsvReaderTests
{
    private static CsvReader Read(string text) => CsvReader.FromText(new StringReader(text), "test", "t.csv");

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_records_keep_their_first_line()
    {
        using var csv = Read("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n");
        var records = csv.Records().ToList();
        Assert.Equal(["a", "b", "c"], csv.Header);
        Assert.Equal(["1", "x, y", "say \"hi\""], records[0].Fields);
        Assert.Equal(["2", "two\nlines", "z"], records[1].Fields);
        Assert.Equal(["3", "", ""], records[2].Fields);
        Assert.Equal([2, 3, 5], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("a,b\n1,\"open\n2,3\n", "t.csv line 2: a quoted field is not closed")]
    [InlineData("a,b\n1,2\n1,2,3\n", "t.csv line 3: 3 fields where the header has 2")]
    [InlineData("a,b\n1,x\"y\n", "t.csv line 2: a quote inside an unquoted field")]
    [InlineData("a,b\n1,\"x\"y\n", "t.csv line 2: text after the closing quote")]
    [InlineData("", "t.csv line 1: the file is empty")]
    [InlineData("Area,AREA\n1,2\n", "t.csv line 1: column 'AREA' appears twice in the header (columns 1 and 2; names are compared ignoring case)")]
    public void Malformed_text_is_a_data_error_naming_file_and_line(string text, string expected)
    {
        var e = Assert.Throws<IndicatorDataException>(() => Read(text).Records().ToList());
        Assert.Contains(expected, e.Message);
        Assert.Equal("t.csv", e.File);
    }

    [Fact]
    public void A_missing_column_and_a_non_number_name_what_was_expected()
    {
        using var csv = Read("a,b\n1,1.5e2\n2,n/a\n");
        Assert.Contains("no column 'c' in the header; columns are: a, b", Assert.Throws<IndicatorDataException>(() => csv.Column("c")).Message);
        var records = csv.Records().ToList();
        Assert.Equal(150, csv.Number(records[0], 1));
        var e = Assert.Throws<IndicatorDataException>(() => csv.Number(records[1], 1));
        Assert.Equal("test: t.csv line 3: column 'b' is 'n/a', not a number.", e.Message);
    }
}
