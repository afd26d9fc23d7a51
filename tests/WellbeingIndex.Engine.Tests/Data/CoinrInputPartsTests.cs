using System.Globalization;
using System.Text;
using WellbeingIndex.Engine.Data;

namespace WellbeingIndex.Engine.Tests.Data;

/// <summary>
/// A large single-period iData read in parts on several threads (<see cref="CsvTable.TryReadInParts"/>) gives what
/// the sequential read gives, bit for bit, errors included. Parts of at least one byte make small files split.
/// </summary>
public class CoinrInputPartsTests : IDisposable
{
    private readonly TempFiles _files = new();

    /// <summary>
    /// Row r: uCode A0000+r, name "Area r", region North for even r; i1 = r/4; i2 = 1.5 (r − 50), empty when r mod 7 = 3;
    /// i3 = r/1000, NA when r mod 5 = 1.
    /// </summary>
    private static string Generate(int rows, string newline = "\n", bool finalNewline = true, Func<int, string>? name = null)
    {
        var text = new StringBuilder("uCode,uName,Group_Region,i1,i2,i3").Append(newline);
        for (var r = 0; r < rows; r++)
        {
            var i2 = r % 7 == 3 ? "" : ((r - 50) * 1.5).ToString(CultureInfo.InvariantCulture);
            var i3 = r % 5 == 1 ? "NA" : (r / 1000.0).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"A{r:D4},{name?.Invoke(r) ?? $"Area {r}"},{(r % 2 == 0 ? "North" : "South")},{r * 0.25},{i2},{i3}");
            if (r < rows - 1 || finalNewline)
            {
                text.Append(newline);
            }
        }

        return text.ToString();
    }

    private static IndicatorData Sequential(string path) =>
        CoinrInput.ReadData(CsvTable.ReadFile(path, parts: 1, minPartBytes: 1));

    private static IndicatorData InParts(string path, int parts) =>
        CoinrInput.ReadData(CsvTable.ReadFile(path, parts, minPartBytes: 1));

    /// <summary>Whether the file is read in parts, and that every record is visited once, with its row and true line.</summary>
    private static bool ReadsInParts(string path, int parts, int rows) => ReadsInParts(CsvTable.ReadFile(path, parts, minPartBytes: 1), rows);

    private static bool ReadsInParts(CsvTable file, int rows)
    {
        using var table = file;
        var lines = new int[rows];
        var inParts = table.TryReadInParts((part, row) => lines[row] = part.Line, out var read, out var error);
        if (inParts)
        {
            Assert.Null(error);
            Assert.Equal(rows, read);
            Assert.Equal(Enumerable.Range(2, rows), lines);   // row r is on line r + 2, after the header
        }

        return inParts;
    }

    private static void AssertIdentical(IndicatorData expected, IndicatorData actual)
    {
        Assert.Equal(expected.AreaCodes.ToArray(), actual.AreaCodes.ToArray());
        Assert.Equal(expected.AreaNames.ToArray(), actual.AreaNames.ToArray());
        Assert.Equal(expected.ColumnCodes.ToArray(), actual.ColumnCodes.ToArray());
        foreach (var code in expected.ColumnCodes)
        {
            Assert.Equal(expected.Column(code).ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Column(code).ToArray().Select(BitConverter.DoubleToInt64Bits));
        }

        Assert.Equal(expected.Groups.Keys, actual.Groups.Keys);
        foreach (var (group, labels) in expected.Groups)
        {
            Assert.Equal(labels, actual.Groups[group]);
        }
    }

    public static TheoryData<string, bool> LineEnds => new() { { "\n", true }, { "\n", false }, { "\r\n", true }, { "\r\n", false } };

    [Theory]
    [MemberData(nameof(LineEnds))]
    public void Every_size_and_cut_gives_the_sequential_data(string newline, bool finalNewline)
    {
        // 1 to 40 rows in 2, 3 and 4 parts: the cuts fall at line starts, inside lines and inside the last line (then
        // a file of a few lines is read whole, or in fewer parts).
        for (var rows = 1; rows <= 40; rows++)
        {
            var path = _files.Write($"iData-{rows}.csv", Generate(rows, newline, finalNewline));
            foreach (var parts in new[] { 2, 3, 4 })
            {
                Assert.True(ReadsInParts(path, parts, rows) || rows < 2 * parts, $"{rows} rows in {parts} parts");
                AssertIdentical(Sequential(path), InParts(path, parts));
            }
        }
    }

    [Fact]
    public void A_large_file_reads_the_values_written()
    {
        var path = _files.Write("iData.csv", Generate(5000, "\r\n"));
        Assert.True(ReadsInParts(path, 4, 5000));

        var data = InParts(path, 4);

        Assert.Equal(5000, data.AreaCount);
        Assert.Equal("A3737", data.AreaCodes[3737]);
        Assert.Equal("Area 3737", data.AreaNames[3737]);
        Assert.Equal("South", data.Groups["Group_Region"][3737]);
        Assert.Equal(934.25, data.Column("i1")[3737]);        // 3737 / 4
        Assert.Equal(5530.5, data.Column("i2")[3737]);        // 1.5 × (3737 − 50) = 1.5 × 3687; 3737 mod 7 = 6
        Assert.True(double.IsNaN(data.Column("i2")[3734]));  // 3734 = 7 × 533 + 3: empty
        Assert.True(double.IsNaN(data.Column("i3")[3736]));  // 3736 = 5 × 747 + 1: NA
        Assert.Equal(3.737, data.Column("i3")[3737]);         // 3737 / 1000
        Assert.Equal(1249.75, data.Column("i1")[4999]);       // the last row: 4999 / 4
        AssertIdentical(Sequential(path), data);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_read_as_sequentially()
    {
        var path = Path.Combine(_files.Folder, "bom.csv");
        File.WriteAllText(path, Generate(30), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.True(ReadsInParts(path, 3, 30));
        var data = InParts(path, 3);
        Assert.Equal("A0000", data.AreaCodes[0]);
        Assert.Equal(7.25, data.Column("i1")[29]);   // 29 / 4
        AssertIdentical(Sequential(path), data);
    }

    [Fact]
    public void A_utf16_file_is_read_whole()
    {
        var path = Path.Combine(_files.Folder, "utf16.csv");
        File.WriteAllText(path, Generate(30), Encoding.Unicode);

        Assert.False(ReadsInParts(path, 3, 30));
        var data = InParts(path, 3);
        Assert.Equal("Area 29", data.AreaNames[29]);
        Assert.Equal(7.25, data.Column("i1")[29]);   // 29 / 4
    }

    [Fact]
    public void Parts_are_at_least_the_least_size()
    {
        var path = _files.Write("iData.csv", Generate(100));
        var length = new FileInfo(path).Length;

        Assert.False(ReadsInParts(CsvTable.ReadFile(path, 4, minPartBytes: length / 2 + 1), 100));   // one part of the least size fits
        Assert.True(ReadsInParts(CsvTable.ReadFile(path, 4, minPartBytes: length / 2), 100));        // two do
    }

    [Fact]
    public void Quoted_fields_keep_the_file_whole()
    {
        var path = _files.Write("quoted.csv", Generate(30, name: r => $"\"Area, {r}\""));

        Assert.False(ReadsInParts(path, 3, 30));
        var data = InParts(path, 3);
        Assert.Equal("Area, 17", data.AreaNames[17]);
        AssertIdentical(Sequential(path), data);
    }

    [Theory]
    [InlineData(5)]    // in the first part
    [InlineData(25)]   // in the last part
    [InlineData(30)]   // a blank last line
    public void Blank_lines_fall_back_to_the_sequential_read(int afterRow)
    {
        var lines = Generate(30).Split('\n').ToList();
        lines.Insert(afterRow + 2, "");
        var path = _files.Write("blank.csv", string.Join('\n', lines));

        Assert.False(ReadsInParts(path, 3, 31));
        var data = InParts(path, 3);
        Assert.Equal(30, data.AreaCount);
        Assert.Equal(7.25, data.Column("i1")[29]);   // 29 / 4: the blank line holds no row
        AssertIdentical(Sequential(path), data);
    }

    [Fact]
    public void Carriage_returns_alone_give_the_sequential_data()
    {
        // Line feeds are what the scan counts; a part holding more records than line feeds is read again whole.
        var path = _files.Write("cr.csv", Generate(30).Replace("\nA0013,", "\rA0013,", StringComparison.Ordinal));

        Assert.False(ReadsInParts(path, 3, 29));
        var data = InParts(path, 3);
        Assert.Equal(30, data.AreaCount);
        Assert.Equal("A0013", data.AreaCodes[13]);
        AssertIdentical(Sequential(path), data);
    }

    /// <summary>The read's error in parts, checked against the sequential read's.</summary>
    private string Error(string csv, int parts = 2)
    {
        var path = _files.Write("iData.csv", csv);
        var sequential = Assert.Throws<InputDataException>(() => Sequential(path)).Message;
        var inParts = Assert.Throws<InputDataException>(() => InParts(path, parts)).Message;
        Assert.Equal(sequential, inParts);
        return inParts;
    }

    private static string Edit(string csv, Func<int, string, string> edit) =>
        string.Join('\n', csv.Split('\n').Select((line, i) => i == 0 ? line : edit(i - 1, line)));

    /// <summary>The line with an x before its i1 cell.</summary>
    private static string BadNumber(string line) =>
        line.Replace(",North,", ",North,x", StringComparison.Ordinal).Replace(",South,", ",South,x", StringComparison.Ordinal);

    [Fact]
    public void The_first_error_in_file_order_is_reported()
    {
        // 40 rows of about the same length in 2 parts: rows 0-19 (lines 2-21) or so in the first, 20-39 in the second.
        var csv = Generate(40);
        Assert.True(ReadsInParts(_files.Write("iData.csv", csv), 2, 40));
        string Bad(int row, string line) => row is 3 or 35 ? BadNumber(line) : line;

        Assert.Equal("iData.csv line 5, column 'i1': 'x0.75' is not a number (leave the cell empty for a missing value)", Error(Edit(csv, Bad)));
        Assert.Equal("iData.csv line 37, column 'i1': 'x8.75' is not a number (leave the cell empty for a missing value)",
            Error(Edit(csv, (r, line) => r == 35 ? Bad(r, line) : line)));   // 35 / 4 = 8.75
    }

    [Fact]
    public void A_short_record_in_a_later_part_names_its_line()
    {
        var csv = Edit(Generate(40), (r, line) => r == 33 ? line[..line.LastIndexOf(',')] : line);

        Assert.Equal("iData.csv line 35: 5 fields where the header has 6", Error(csv));
        Assert.Equal("iData.csv line 35: 5 fields where the header has 6", Error(csv, parts: 4));
    }

    [Fact]
    public void An_empty_code_in_a_later_part_names_its_line()
    {
        Assert.Equal("iData.csv line 32, column 'uCode': uCode is empty",
            Error(Edit(Generate(40), (r, line) => r == 30 ? line[5..] : line)));
    }

    [Fact]
    public void A_code_repeated_across_parts_names_both_lines()
    {
        var csv = Generate(40);
        string Repeat(int r, string line) => r == 34 ? "A0002" + line[5..] : line;

        Assert.Equal("iData.csv line 36, column 'uCode': uCode 'A0002' already appears on line 4", Error(Edit(csv, Repeat)));
        Assert.Equal("iData.csv line 36, column 'uCode': uCode 'A0002' already appears on line 4", Error(Edit(csv, Repeat), parts: 4));
    }

    [Fact]
    public void A_repeated_code_and_a_bad_number_report_whichever_comes_first()
    {
        var csv = Generate(40);
        string Edits(int r, string line, int bad)
        {
            line = r == 34 ? "A0002" + line[5..] : line;
            return r == bad ? BadNumber(line) : line;
        }

        // A bad number before the repeat, in the first part or the second, is reported.
        Assert.Equal("iData.csv line 12, column 'i1': 'x2.5' is not a number (leave the cell empty for a missing value)", Error(Edit(csv, (r, l) => Edits(r, l, 10))));
        Assert.Equal("iData.csv line 32, column 'i1': 'x7.5' is not a number (leave the cell empty for a missing value)", Error(Edit(csv, (r, l) => Edits(r, l, 30))));

        // On the repeat's own line the code is checked before the cells; after it, the repeat is first.
        Assert.Equal("iData.csv line 36, column 'uCode': uCode 'A0002' already appears on line 4", Error(Edit(csv, (r, l) => Edits(r, l, 34))));
        Assert.Equal("iData.csv line 36, column 'uCode': uCode 'A0002' already appears on line 4", Error(Edit(csv, (r, l) => Edits(r, l, 38))));
    }

    public void Dispose() => _files.Dispose();
}
