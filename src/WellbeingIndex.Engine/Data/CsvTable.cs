using System.Text;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// A CSV file read whole (RFC 4180: quoted fields, doubled quotes, CRLF or LF), with the line number of every row so
/// that errors can say where. Kept tiny on purpose: inputs are thousands of rows, not millions.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string source, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file name (or other label) used in error messages.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

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
        var records = Parse(reader, source).ToList();
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

        var rows = new List<CsvRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
            {
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                throw new InputDataException($"{record.Fields.Count} fields where the header has {header.Count}", source, record.Line);
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

    private static IEnumerable<CsvRow> Parse(TextReader reader, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    yield return new CsvRow(fields, recordLine);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new InputDataException("a quoted field is not closed", source, recordLine);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRow(fields, recordLine);
        }
    }
}

/// <summary>One CSV record and the line it starts on.</summary>
public sealed record CsvRow(IReadOnlyList<string> Fields, int Line)
{
    public string this[int index] => Fields[index];
}
