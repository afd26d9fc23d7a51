using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;

namespace WellbeingIndex.Delimited;

/// <summary>
/// The project's one CSV reader: RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks)
/// streamed from text by Sep, a header of unique names (compared case-insensitively), every record the header's width,
/// blank lines skipped. Fields are read as spans, so a 33,000 × 40 table costs no string per cell.
/// </summary>
/// <remarks>
/// Not thread-safe; a field's span is valid until the next <see cref="Read"/>. A file read whole whose text holds no
/// quote can be split at line ends (<see cref="TrySplit"/>) and its parts read on several threads.
/// </remarks>
public sealed class CsvRecordReader : IDisposable
{
    private static readonly SepReaderOptions Options = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    /// <summary>Files up to this size are read whole (and may be split); larger ones are streamed.</summary>
    private const long ReadWholeUpTo = 1L << 29;

    private readonly SepReader _sep;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly int _lineOffset;
    private string?[] _unquoted = [];
    private bool _quoted;
    private bool _split;
    private bool _started;

    /// <summary>A part of a split text: records only, the header given.</summary>
    private CsvRecordReader(SepReader sep, IReadOnlyList<string> header, int lineOffset)
    {
        _sep = sep;
        _lineOffset = lineOffset;
        Header = header;
    }

    private CsvRecordReader(SepReader sep, ReadOnlyMemory<byte> utf8 = default)
    {
        _sep = sep;
        _utf8 = utf8;
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

    /// <summary>The header's names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The 1-based line the current record starts on (a quoted field may span several lines).</summary>
    public int Line { get; private set; }

    /// <summary>
    /// For text read whole, its lines after the first (at least the records after the header: a quoted line break or a
    /// blank line adds one), so a reader can size its columns once; null for streamed text.
    /// </summary>
    public int? LinesAfterTheFirst => _utf8.IsEmpty ? null : Math.Max(0, _utf8.Span.Count((byte)'\n') - (_utf8.Span[^1] == '\n' ? 1 : 0));

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

    /// <summary>
    /// Opens the UTF-8 file at <paramref name="path"/> (a byte-order mark is honoured) and reads its header. A file
    /// under 512 MB is read whole, so that it can be split.
    /// </summary>
    /// <exception cref="CsvFormatException">As for <see cref="Open(TextReader)"/>.</exception>
    public static CsvRecordReader OpenFile(string path)
    {
        using (var file = File.OpenHandle(path))
        {
            var length = RandomAccess.GetLength(file);
            if (length <= ReadWholeUpTo)
            {
                var bytes = GC.AllocateUninitializedArray<byte>((int)length);
                var read = 0;
                while (read < bytes.Length && RandomAccess.Read(file, bytes.AsSpan(read), read) is > 0 and var n)
                {
                    read += n;
                }

                return Open(bytes.AsMemory(0, read));
            }
        }

        return Open(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 }));
    }

    /// <summary>Reads the header of UTF-8 text (a byte-order mark is honoured), which must not change while read.</summary>
    /// <exception cref="CsvFormatException">As for <see cref="Open(TextReader)"/>.</exception>
    public static CsvRecordReader Open(ReadOnlyMemory<byte> utf8)
    {
        var sep = Options.From(Utf8Text(utf8));
        try
        {
            return new CsvRecordReader(sep, utf8);
        }
        catch
        {
            sep.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The records not yet read, as up to <paramref name="parts"/> readers of consecutive ranges of whole lines
    /// (each at least <paramref name="minimumPartBytes"/> long) to read on several threads, in order; this reader then
    /// reads no more records. Records, fields, lines and errors are the same as reading on. False, and nothing
    /// changed, unless the reader was opened on bytes (<see cref="OpenFile"/>, <see cref="Open(ReadOnlyMemory{byte})"/>),
    /// has read no record yet and the text holds no quote (a quoted field may hold a line break, so a line end is not
    /// always a record's end).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> or <paramref name="minimumPartBytes"/> is less than 1.</exception>
    public bool TrySplit(int parts, int minimumPartBytes, out IReadOnlyList<CsvRecordReader> readers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPartBytes, 1);
        readers = [];
        var text = _utf8.Span;
        if (_utf8.IsEmpty || _started || _split || text.Contains((byte)'"'))
        {
            return false;
        }

        // The header is the first line (it holds no quote, so no line break).
        var start = text.IndexOf((byte)'\n') + 1;
        if (start == 0)
        {
            start = text.Length;
        }

        var size = Math.Max((text.Length - start + parts - 1) / parts, minimumPartBytes);
        var list = new List<CsvRecordReader>(parts);
        var line = 2;
        try
        {
            while (start < text.Length)
            {
                var end = start + size >= text.Length ? text.Length : text[(start + size)..].IndexOf((byte)'\n') is var n and >= 0 ? start + size + n + 1 : text.Length;
                list.Add(new CsvRecordReader(Options.From(Utf8Text(_utf8[start..end])), Header, line - 1));
                line += text[start..end].Count((byte)'\n');
                start = end;
            }
        }
        catch
        {
            list.ForEach(r => r.Dispose());
            throw;
        }

        _split = true;
        readers = list;
        return true;
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
        _started = true;
        while (!_split && NextRecord())
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
        Line = (row.RowIndex == 0 ? 1 : row.LineNumberFrom) + _lineOffset;
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

    private static StreamReader Utf8Text(ReadOnlyMemory<byte> utf8)
    {
        var bytes = MemoryMarshal.TryGetArray(utf8, out var segment) ? segment : new ArraySegment<byte>(utf8.ToArray());
        return new StreamReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }
}
