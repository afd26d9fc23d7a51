using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace WellbeingIndex.Delimited;

/// <summary>
/// The project's one CSV reader: RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks)
/// streamed from text by Sep, a header of unique names (compared case-insensitively), every record the header's width,
/// blank lines skipped. Fields are read as spans, so a 33,000 × 40 table costs no string per cell.
/// </summary>
/// <remarks>Not thread-safe; a field's span is valid until the next <see cref="Read"/>.</remarks>
public sealed class CsvRecordReader : IDisposable
{
    private static readonly SepReaderOptions Options = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    private readonly SepReader _sep;
    private readonly int _linesBefore;
    private string?[] _unquoted = [];
    private bool _quoted;

    private CsvRecordReader(SepReader sep)
    {
        _sep = sep;
        if (!NextRecord())
        {
            throw new CsvFormatException("the file is empty; expected a header row.", 1);
        }

        var header = new string[FieldCount];
        var seen = new Dictionary<string, int>(header.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = Field(i).Trim().ToString();
            if (header[i].Length > 0 && !seen.TryAdd(header[i], i))
            {
                throw new CsvFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"column '{header[i]}' appears twice in the header (columns {seen[header[i]] + 1} and {i + 1}; names are compared ignoring case)."),
                    Line);
            }
        }

        Header = header;
    }

    private CsvRecordReader(SepReader sep, IReadOnlyList<string> header, int linesBefore)
    {
        _sep = sep;
        _linesBefore = linesBefore;
        Header = header;
    }

    /// <summary>The header's names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The 1-based line the current record starts on (a quoted field may span several lines).</summary>
    public int Line { get; private set; }

    /// <summary>Number of fields in the current record (the header's, once <see cref="Read"/> returned true).</summary>
    public int FieldCount { get; private set; }

    /// <summary>Reads the header of <paramref name="reader"/>, which is disposed with this reader (also when this throws).</summary>
    /// <exception cref="CsvFormatException">The text is empty, or the header is malformed or repeats a name.</exception>
    public static CsvRecordReader Open(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sep = Options.From(reader);
        try
        {
            return new CsvRecordReader(sep);
        }
        catch
        {
            sep.Dispose();
            throw;
        }
    }

    /// <summary>Opens the UTF-8 file at <paramref name="path"/> (a byte-order mark is honoured) and reads its header.</summary>
    /// <exception cref="CsvFormatException">As for <see cref="Open(TextReader)"/>.</exception>
    public static CsvRecordReader OpenFile(string path) =>
        Open(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 }));

    /// <summary>
    /// Reads bytes [<paramref name="start"/>, <paramref name="end"/>) of the UTF-8 file at <paramref name="path"/>, a run of
    /// whole lines after <paramref name="linesBefore"/> others, as records of <paramref name="header"/> (read before by
    /// <see cref="OpenFile(string)"/>): so parts of a large file can be read at once, each by its own reader, with lines
    /// numbered in the file. The caller cuts at line starts and only where no quoted field spans the cut.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range or <paramref name="linesBefore"/> is negative or reversed.</exception>
    public static CsvRecordReader OpenFilePart(string path, long start, long end, IReadOnlyList<string> header, int linesBefore)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfNegative(linesBefore);
        var file = File.OpenHandle(path);
        var text = new StreamReader(new FileRangeStream(file, start, end), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        try
        {
            return new CsvRecordReader(Options.From(text), header, linesBefore);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The index of the header column named <paramref name="name"/> (trimmed, case-insensitive), or −1.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Moves to the next non-blank record; false at the end of the text.</summary>
    /// <exception cref="CsvFormatException">The record's quoting is malformed or its width differs from the header's.</exception>
    public bool Read()
    {
        while (NextRecord())
        {
            if (FieldCount == 1 && Field(0).IsEmpty)
            {
                continue;
            }

            if (FieldCount != Header.Count)
            {
                throw new CsvFormatException(string.Create(CultureInfo.InvariantCulture, $"{FieldCount} fields where the header has {Header.Count}."), Line);
            }

            return true;
        }

        return false;
    }

    /// <summary>The current record's field <paramref name="column"/>, unquoted, untrimmed.</summary>
    public ReadOnlySpan<char> this[int column] => Field(column);

    /// <summary>The field as a string (allocates; prefer the span indexer for numbers).</summary>
    public string Text(int column) => Unquoted(column) ?? _sep.Current[column].ToString();

    /// <summary>
    /// The field as a finite number in invariant culture, surrounding spaces ignored; false for anything else, blank included.
    /// </summary>
    public bool TryNumber(int column, out double value)
    {
        if (Unquoted(column) is null && _sep.Current[column].TryParse(out value) && double.IsFinite(value))
        {
            return true;
        }

        return double.TryParse(Field(column), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Every record's fields as strings with its line: for small files read whole (headers, metadata).</summary>
    public IEnumerable<(int Line, string[] Fields)> ReadAll()
    {
        while (Read())
        {
            var fields = new string[FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Text(i);
            }

            yield return (Line, fields);
        }
    }

    /// <summary>Closes the text.</summary>
    public void Dispose() => _sep.Dispose();

    private ReadOnlySpan<char> Field(int column) => Unquoted(column) is { } s ? s : _sep.Current[column].Span;

    private string? Unquoted(int column) => _quoted ? _unquoted[column] : null;

    private bool NextRecord()
    {
        if (!_sep.MoveNext())
        {
            return false;
        }

        var row = _sep.Current;
        // Sep 0.17 reports the first row of a header-less read as starting on line 2.
        Line = _linesBefore + (row.RowIndex == 0 ? 1 : row.LineNumberFrom);
        FieldCount = row.ColCount;
        _quoted = row.Span.Contains('"');
        if (_quoted)
        {
            Unquote(row);
        }

        return true;
    }

    /// <summary>Unquotes the fields of a record that holds a quote, rejecting what RFC 4180 does not allow.</summary>
    private void Unquote(SepReader.Row row)
    {
        if (_unquoted.Length < row.ColCount)
        {
            _unquoted = new string?[row.ColCount];
        }

        Array.Clear(_unquoted);
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            var quote = raw.IndexOf('"');
            if (quote < 0)
            {
                continue;
            }

            if (quote > 0)
            {
                throw Malformed($"a quote inside an unquoted field (field {i + 1}).");
            }

            var text = new StringBuilder(raw.Length);
            var k = 1;
            for (; k < raw.Length; k++)
            {
                if (raw[k] != '"')
                {
                    text.Append(raw[k]);
                }
                else if (k + 1 < raw.Length && raw[k + 1] == '"')
                {
                    text.Append('"');
                    k++;
                }
                else
                {
                    break;
                }
            }

            if (k >= raw.Length)
            {
                throw Malformed("a quoted field is not closed before the end of the file.");
            }

            if (k != raw.Length - 1)
            {
                throw Malformed($"text after the closing quote of field {i + 1}.");
            }

            _unquoted[i] = text.Replace("\r\n", "\n").ToString();
        }
    }

    private CsvFormatException Malformed(string message) => new(message, Line);
}
