using WellbeingIndex.Delimited;

namespace WellbeingIndex.Engine.Tests.Results;

/// <summary>
/// Blocks of records written on other threads (<see cref="CsvRecordWriter.NewBlock"/>) come out in the order they are
/// appended, with the table's quoting and empty fields, exactly as if written one record after another.
/// </summary>
public class CsvRecordWriterBlockTests
{
    [Fact]
    public void Blocks_are_written_in_the_order_appended_whatever_order_they_were_filled()
    {
        using var text = new StringWriter();
        using (var csv = CsvRecordWriter.Create(text, ["code", "name", "score"]))
        {
            using var first = csv.NewBlock();
            using var second = csv.NewBlock();
            using (var record = second.NewRecord())
            {
                record.Text(0, "B");
                record.Text(1, "Bee, \"the\"");
                record.Number(2, 0.5);
            }

            using (var record = first.NewRecord())
            {
                record.Text(0, "A");
                record.Number(2, double.NaN);
            }

            csv.Append(first);
            csv.Append(second);
            csv.Append(first); // emptied by the first Append: adds nothing
        }

        // A: name skipped and NaN missing -> two empty fields; B: the comma and quotes make the field quoted, quotes doubled.
        Assert.Equal("code,name,score\nA,,\nB,\"Bee, \"\"the\"\"\",0.5\n", text.ToString());
    }

    [Fact]
    public void Large_blocks_filled_in_parallel_equal_the_records_written_in_sequence()
    {
        // 40 blocks of 500 rows, each row "R{i},{i}.25,{i}" (i.25 is exact in binary, so its text is the literal).
        const int Rows = 500;
        using var text = new StringWriter();
        using (var csv = CsvRecordWriter.Create(text, ["id", "value", "rank"]))
        {
            var blocks = Enumerable.Range(0, 40).Select(_ => csv.NewBlock()).ToArray();
            Parallel.For(0, blocks.Length, b =>
            {
                for (var i = b * Rows; i < (b + 1) * Rows; i++)
                {
                    using var record = blocks[b].NewRecord();
                    record.Text(0, $"R{i}");
                    record.Number(1, i + 0.25);
                    record.Integer(2, i);
                }
            });
            foreach (var block in blocks)
            {
                csv.Append(block);
                block.Dispose();
            }
        }

        var expected = new System.Text.StringBuilder("id,value,rank\n");
        for (var i = 0; i < 40 * Rows; i++)
        {
            // Integer writes 0 as missing (its default), so row 0's rank is empty.
            expected.Append($"R{i},{i}.25,{(i == 0 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n");
        }

        Assert.Equal(expected.ToString(), text.ToString());
    }

    [Fact]
    public void A_block_of_another_width_or_with_a_record_open_is_refused()
    {
        using var text = new StringWriter();
        using var csv = CsvRecordWriter.Create(text, ["a", "b"]);
        using var other = CsvRecordWriter.Create(new StringWriter(), ["a", "b", "c"]);
        using var wide = other.NewBlock();
        Assert.Throws<ArgumentException>(() => csv.Append(wide));

        using var block = csv.NewBlock();
        var record = block.NewRecord();
        Assert.Throws<ArgumentException>(() => csv.Append(block));
        record.Dispose();
        csv.Append(block);
        Assert.Throws<ArgumentException>(() => csv.Append(csv));
    }
}
