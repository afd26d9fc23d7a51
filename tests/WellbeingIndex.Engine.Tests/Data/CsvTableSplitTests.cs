using System.Globalization;
using System.Text;
using WellbeingIndex.Engine.Data;

namespace WellbeingIndex.Engine.Tests.Data;

/// <summary>
/// A file read whole can be split at line ends and its parts read on several threads: every record, field and line
/// number must be what reading on in one pass gives, and a file whose text holds a quote is never split.
/// </summary>
public class CsvTableSplitTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Every record of every part as (line, fields), parts in order.</summary>
    private static List<(int Line, string Fields)> ReadParts(IReadOnlyList<CsvTable> parts)
    {
        var records = new List<(int, string)>();
        foreach (var part in parts)
        {
            using var _ = part;
            while (part.Next())
            {
                records.Add((part.Line, string.Join("|", Enumerable.Range(0, part.Header.Count).Select(part.Text))));
            }
        }

        return records;
    }

    [Fact]
    public void Parts_hold_every_record_with_its_line_through_CRLF_blank_lines_and_a_last_line_without_newline()
    {
        // Line 1 header; 2 "a,1"; 3 blank; 4 "b,2" (CRLF); 5 "c,3"; 6 "d,4" with no line end.
        var path = _files.Write("t.csv", "code,v\na,1\n\r\nb,2\r\nc,3\nd,4");
        using var table = CsvTable.ReadFile(path);

        // Parts of at least 1 byte: one part per line or so (4 parts asked), split only at line ends.
        Assert.True(table.TrySplit(4, 1, out var parts));
        Assert.True(parts.Count > 1);
        Assert.False(table.Next());
        Assert.Equal([(2, "a|1"), (4, "b|2"), (5, "c|3"), (6, "d|4")], ReadParts(parts));
    }

    [Fact]
    public void A_byte_order_mark_is_honoured_and_the_header_kept_for_every_part()
    {
        var path = Path.Combine(_files.Folder, "bom.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("uCode,Wert\nE1,1.5\nE2,2.5\nE3,é\n")]);
        using var table = CsvTable.ReadFile(path);

        Assert.Equal(["uCode", "Wert"], table.Header);
        Assert.True(table.TrySplit(3, 1, out var parts));
        Assert.All(parts, p => Assert.Equal(["uCode", "Wert"], p.Header));
        Assert.Equal([(2, "E1|1.5"), (3, "E2|2.5"), (4, "E3|é")], ReadParts(parts));
    }

    [Fact]
    public void An_error_in_a_later_part_names_the_line_in_the_whole_file()
    {
        // Line 5 has one field where the header has two; with a part per line it is read by the last part.
        var path = _files.Write("t.csv", "a,b\n1,2\n3,4\n5,6\n7\n");
        using var table = CsvTable.ReadFile(path);
        Assert.True(table.TrySplit(4, 1, out var parts));

        var last = parts[^1];
        while (last.Line < 4 && last.Next())
        {
        }

        var e = Assert.Throws<InputDataException>(() => { while (last.Next()) { } });
        Assert.Equal("t.csv line 5: 1 fields where the header has 2", e.Message);
        foreach (var part in parts)
        {
            part.Dispose();
        }
    }

    [Theory]
    [InlineData("a,b\n1,\"x\ny\"\n2,3\n")] // a quoted field holding a line break: a line end is not a record end
    [InlineData("a,b\n1,\"x\"\n")]
    [InlineData("\"a\",b\n1,2\n")]
    public void A_file_with_quotes_is_not_split_and_reads_on(string csv)
    {
        var path = _files.Write("q.csv", csv);
        using var table = CsvTable.ReadFile(path);

        Assert.False(table.TrySplit(2, 1, out var parts));
        Assert.Empty(parts);
        Assert.True(table.Next());
        Assert.Equal("1", table.Text(0));
    }

    [Fact]
    public void A_table_already_read_from_or_not_read_from_a_file_is_not_split()
    {
        using var read = CsvTable.ReadFile(_files.Write("t.csv", "a\n1\n2\n"));
        Assert.True(read.Next());
        Assert.False(read.TrySplit(2, 1, out _));
        Assert.True(read.Next());
        Assert.Equal("2", read.Text(0));

        using var text = CsvTable.Read(new StringReader("a\n1\n"), "t.csv");
        Assert.False(text.TrySplit(2, 1, out _));
    }

    [Fact]
    public void Large_iData_read_in_parallel_parts_equals_the_rule_that_wrote_it()
    {
        // 12,000 units x 20 indicators of 14 characters: 3.6 MB, read in parts of at least 1 MB (2 or more).
        const int Units = 12_000, Indicators = 20;
        var text = new StringBuilder("uCode,uName," + string.Join(",", Enumerable.Range(1, Indicators).Select(k => $"i{k}")) + "\n");
        for (var u = 0; u < Units; u++)
        {
            text.Append(CultureInfo.InvariantCulture, $"U{u},Unit {u}");
            for (var k = 1; k <= Indicators; k++)
            {
                // u + k/8 is exact in binary; "NA" every 1,000th unit in column 3 (missing).
                text.Append(k == 3 && u % 1000 == 0 ? ",NA" : string.Create(CultureInfo.InvariantCulture, $",{u + k / 8.0:F3}"));
            }

            text.Append('\n');
        }

        var data = CoinrInput.ReadData(CsvTable.ReadFile(_files.Write("iData.csv", text.ToString())));

        Assert.Equal(Units, data.AreaCount);
        Assert.Equal("U0", data.AreaCodes[0]);
        Assert.Equal("U11999", data.AreaCodes[^1]);
        Assert.Equal("Unit 6000", data.AreaNames[6000]);
        Assert.Equal(6000 + 5 / 8.0, data.Column("i5")[6000]); // 6000.625
        Assert.Equal(11999 + 20 / 8.0, data.Column("i20")[11999]); // 12001.5
        Assert.True(double.IsNaN(data.Column("i3")[7000]));
        Assert.Equal(7001 + 3 / 8.0, data.Column("i3")[7001]);
    }

    [Fact]
    public void A_uCode_repeated_across_parts_is_reported_at_its_second_line_before_a_later_error()
    {
        // Units U0..U11999 on lines 2..12001; line 11002 repeats U3 (line 5); line 12001 holds a word for a number.
        const int Units = 12_000;
        var text = new StringBuilder("uCode,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t\n");
        for (var u = 0; u < Units; u++)
        {
            var code = u == 11_000 ? "U3" : $"U{u}";
            var first = u == Units - 1 ? "oops" : "1.2345678901";
            text.Append(CultureInfo.InvariantCulture, $"{code},{first}").Append(string.Concat(Enumerable.Repeat(",1.2345678901", 19))).Append('\n');
        }

        var path = _files.Write("iData.csv", text.ToString());
        var e = Assert.Throws<InputDataException>(() => CoinrInput.ReadData(CsvTable.ReadFile(path)));

        Assert.Equal("iData.csv line 11002, column 'uCode': uCode 'U3' already appears on line 5", e.Message);
    }
}
