using System.Text;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// A CSV input file read whole (records from <see cref="CsvRecords"/>), header checked, with the line of every row so
/// that errors can say where. Inputs are thousands of rows, not millions.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string source, IReadOnlyList<string> header, IReadOnlyList<CsvRecord> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file name (or other label) used in error messages.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRecord> Rows { get; }

    public static CsvTable ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputDataException($"file not found: {path}", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path));
    }

    public static CsvTable Read(TextReader reader, string source)
    {
        List<CsvRecord> records;
        try
        {
            records = CsvRecords.Read(reader).ToList();
        }
        catch (CsvFormatException e)
        {
            throw new InputDataException(e.Message, source, e.Line);
        }

        if (records.Count == 0)
        {
            throw new InputDataException("the file is empty: a header row is required", source);
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputDataException($"column '{duplicate.Key}' appears twice in the header", source, records[0].Line);
        }

        var rows = new List<CsvRecord>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Length == 1 && record.Fields[0].Length == 0)
            {
                continue;
            }

            if (record.Fields.Length != header.Count)
            {
                throw new InputDataException($"{record.Fields.Length} fields where the header has {header.Count}", source, record.Line);
            }

            rows.Add(record);
        }

        return new CsvTable(source, header, rows);
    }

    /// <summary>The index of <paramref name="column"/> (case-insensitive), or −1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public int Require(string column) =>
        IndexOf(column) is var i and >= 0 ? i : throw new InputDataException($"required column '{column}' is missing (columns: {string.Join(", ", Header)})", Source, 1);
}
