using System.Runtime.ExceptionServices;
using WellbeingIndex.Delimited;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// A CSV input file read forward once (by the project's one reader, <see cref="CsvRecordReader"/>), header checked,
/// every error an <see cref="InputDataException"/> naming the file and line. Cells are spans and numbers are parsed in
/// place, so 33,000 areas × 40 indicators cost no string per cell. A large file can be read in parts on every core
/// instead (<see cref="TryReadInParts"/>). The readers of a table consume and dispose it.
/// </summary>
public sealed class CsvTable : IDisposable
{
    /// <summary>
    /// The least size of a part when a file is read in parts: Sep parses about 170 MB/s here, so 512 KB takes 3 ms
    /// against some 0.1 ms to open a part (a file handle, a reader's buffers, a thread's work item).
    /// </summary>
    private const long MinPartBytes = 512 * 1024;

    private readonly CsvRecordReader _csv;
    private readonly string? _path;
    private readonly LineStart[]? _parts;

    private CsvTable(CsvRecordReader csv, string source, int? records, string? path, LineStart[]? parts)
    {
        _csv = csv;
        Source = source;
        RecordCountHint = records;
        _path = path;
        _parts = parts;
    }

    /// <summary>
    /// At least the number of records a file holds (its lines less the header's; a quoted line break or a blank
    /// line makes it more), so readers can size their columns once; null when not read from a file.
    /// </summary>
    public int? RecordCountHint { get; }

    /// <summary>The file name (or other label) used in error messages.</summary>
    public string Source { get; }

    /// <summary>Header names, trimmed, unique ignoring case.</summary>
    public IReadOnlyList<string> Header => _csv.Header;

    /// <summary>The line the current record starts on.</summary>
    public int Line => _csv.Line;

    /// <summary>The current record's cell in <paramref name="column"/>, unquoted and trimmed.</summary>
    public ReadOnlySpan<char> this[int column] => _csv[column].Trim();

    /// <summary>Opens <paramref name="path"/> and reads its header; a missing file names the path.</summary>
    /// <exception cref="InputDataException">The file is missing, empty or its header is malformed.</exception>
    public static CsvTable ReadFile(string path) => ReadFile(path, Environment.ProcessorCount, MinPartBytes);

    /// <summary>As <see cref="ReadFile(string)"/>, read in up to <paramref name="parts"/> parts of at least <paramref name="minPartBytes"/> by <see cref="TryReadInParts"/>.</summary>
    internal static CsvTable ReadFile(string path, int parts, long minPartBytes)
    {
        if (!File.Exists(path))
        {
            throw new InputDataException($"file not found: {path}", path);
        }

        var (records, starts) = Scan(path, parts, minPartBytes);
        return Open(() => CsvRecordReader.OpenFile(path), Path.GetFileName(path), records, path, starts);
    }

    /// <summary>Reads the header of <paramref name="reader"/> (disposed with the table), naming errors after <paramref name="source"/>.</summary>
    /// <exception cref="InputDataException">The text is empty or its header is malformed.</exception>
    public static CsvTable Read(TextReader reader, string source) => Open(() => CsvRecordReader.Open(reader), source, null, null, null);

    /// <summary>Moves to the next non-blank record; false at the end.</summary>
    /// <exception cref="InputDataException">Malformed quoting, or a record whose width differs from the header's.</exception>
    public bool Next()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new InputDataException(e.Message.TrimEnd('.'), Source, e.Line);
        }
    }

    /// <summary>The current record's cell as a trimmed string.</summary>
    public string Text(int column) => _csv[column].Trim().ToString();

    /// <summary>
    /// The current record's cell as a number, the way analysts' exports write them: empty or NA (NaN, n/a, ..) is
    /// missing (NaN); anything else must be a finite number.
    /// </summary>
    /// <exception cref="InputDataException">The cell is neither a number nor a missing marker; names <paramref name="columnName"/>.</exception>
    public double Number(int column, string columnName)
    {
        if (_csv.TryNumber(column, out var value))
        {
            return value;
        }

        var text = this[column];
        if (text.IsEmpty || text is "NA" or "NaN" or "na" or "n/a" or "N/A" or "..")
        {
            return double.NaN;
        }

        throw new InputDataException($"'{_csv[column]}' is not a number (leave the cell empty for a missing value)", Source, Line, columnName);
    }

    /// <summary>The index of <paramref name="column"/> (case-insensitive), or −1.</summary>
    public int IndexOf(string column) => _csv.IndexOf(column);

    /// <summary>The index of <paramref name="column"/>; a missing column is an error listing the columns.</summary>
    /// <exception cref="InputDataException">No such column.</exception>
    public int Require(string column) =>
        IndexOf(column) is var i and >= 0 ? i : throw new InputDataException($"required column '{column}' is missing (columns: {string.Join(", ", Header)})", Source, 1);

    /// <summary>
    /// Reads the records of a large file on several threads, each part by its own reader, calling
    /// <paramref name="record"/> with a part's table positioned on a record and the record's row (0-based, its line
    /// less two); false when the file is to be read by <see cref="Next"/> instead: it was small, held a quote (a quoted
    /// field may span lines), or a part's lines were not one record each (blank lines; what was read is to be dropped).
    /// When true, <paramref name="rows"/> records were read and <paramref name="error"/> is null, or
    /// <paramref name="error"/> is the first error in file order, met on row <paramref name="rows"/> after every row
    /// before it was read.
    /// </summary>
    internal bool TryReadInParts(Action<CsvTable, int> record, out int rows, out ExceptionDispatchInfo? error)
    {
        rows = 0;
        error = null;
        if (_parts is not { } starts)
        {
            return false;
        }

        var outcomes = new (int Row, ExceptionDispatchInfo? Error, bool Exact)[starts.Length - 1];
        Parallel.For(0, outcomes.Length, new ParallelOptions { TaskScheduler = TaskScheduler.Current }, i => outcomes[i] = ReadPart(starts[i], starts[i + 1], record));
        foreach (var (row, failure, exact) in outcomes)
        {
            if (!exact)
            {
                return false;
            }

            rows = row;
            if (failure is not null)
            {
                error = failure;
                break;
            }
        }

        return true;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _csv.Dispose();

    /// <summary>
    /// The records of the lines from <paramref name="from"/> to <paramref name="to"/>: the row reached and the error
    /// met there, and whether every line up to it held one record (the row of line L is L − 2).
    /// </summary>
    private (int Row, ExceptionDispatchInfo? Error, bool Exact) ReadPart(LineStart from, LineStart to, Action<CsvTable, int> record)
    {
        var row = from.Line - 1;
        var end = to.Line - 1;
        try
        {
            using var part = new CsvTable(CsvRecordReader.OpenFilePart(_path!, from.Offset, to.Offset, Header, from.Line), Source, null, null, null);
            while (part.Next())
            {
                if (row == end || part.Line != row + 2)
                {
                    return (row, null, false);
                }

                record(part, row);
                row++;
            }

            return (row, null, row == end);
        }
        catch (Exception e)
        {
            // A record beyond the part's lines (a lone carriage return ending a line) is not where the scan put it.
            return (row, row < end ? ExceptionDispatchInfo.Capture(e) : null, row < end);
        }
    }

    /// <summary>
    /// One vectorised pass over the file (a few ms for 25 MB): the records it holds at most (lines after the first;
    /// a quoted line break or a blank line makes fewer) and, when it is worth reading in parts, where the parts start.
    /// A part is at least <paramref name="minPartBytes"/> and there are at most <paramref name="parts"/>; the first
    /// starts after the header, the others at the first line start after an equal share of the file, and the last
    /// entry is the end of the file. A quote anywhere, or a UTF-16 or UTF-32 byte-order mark, keeps the file whole.
    /// </summary>
    private static (int Records, LineStart[]? Parts) Scan(string path, int parts, long minPartBytes)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        parts = (int)Math.Clamp(length / minPartBytes, 1, Math.Max(1, parts));
        var starts = new List<LineStart>(parts + 1);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long offset = 0;
            var feeds = 0;
            var last = (byte)'\n';
            var whole = parts == 1;
            int read;
            while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                whole = whole || (offset == 0 && span is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0, 0, 0xFE, 0xFF, ..]) || span.Contains((byte)'"');
                var counted = 0;
                while (!whole && starts.Count < parts)
                {
                    var target = starts.Count == 0 ? 0 : Math.Max(length * starts.Count / parts, starts[^1].Offset);
                    var from = (int)Math.Max(0, target - offset);
                    var feed = from < read ? span[from..].IndexOf((byte)'\n') : -1;
                    if (feed < 0)
                    {
                        break;
                    }

                    feed += from;
                    feeds += span[counted..(feed + 1)].Count((byte)'\n');
                    counted = feed + 1;
                    if (offset + counted == length)
                    {
                        break;   // the end of the file starts no part
                    }

                    starts.Add(new LineStart(offset + counted, feeds));
                }

                feeds += span[counted..].Count((byte)'\n');
                last = buffer[read - 1];
                offset += read;
            }

            var records = Math.Max(0, feeds - (last == '\n' ? 1 : 0));
            if (whole || starts.Count < 2)
            {
                return (records, null);
            }

            starts.Add(new LineStart(length, records + 1));
            return (records, [.. starts]);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static CsvTable Open(Func<CsvRecordReader> open, string source, int? records, string? path, LineStart[]? parts)
    {
        try
        {
            return new CsvTable(open(), source, records, path, parts);
        }
        catch (CsvFormatException e)
        {
            throw new InputDataException(e.Message.TrimEnd('.'), source, e.Line);
        }
    }

    /// <summary>Where a line starts: its byte offset and the lines before it.</summary>
    private readonly record struct LineStart(long Offset, int Line);
}
