using WellbeingIndex.Delimited;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// A CSV input file read forward once (by the project's one reader, <see cref="CsvRecordReader"/>), header checked,
/// every error an <see cref="InputDataException"/> naming the file and line. Cells are spans and numbers are parsed in
/// place, so 33,000 areas × 40 indicators cost no string per cell. The readers of a table consume and dispose it.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly CsvRecordReader _csv;

    private CsvTable(CsvRecordReader csv, string source, int? records)
    {
        _csv = csv;
        Source = source;
        RecordCountHint = records;
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
    public static CsvTable ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputDataException($"file not found: {path}", path);
        }

        return Open(() => CsvRecordReader.OpenFile(path), Path.GetFileName(path), LinesAfterTheFirst(path));
    }

    /// <summary>Reads the header of <paramref name="reader"/> (disposed with the table), naming errors after <paramref name="source"/>.</summary>
    /// <exception cref="InputDataException">The text is empty or its header is malformed.</exception>
    public static CsvTable Read(TextReader reader, string source) => Open(() => CsvRecordReader.Open(reader), source, null);

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

    /// <summary>Lines after the first, counting line feeds (a vectorised pass, a few ms for 25 MB).</summary>
    private static int LinesAfterTheFirst(string path)
    {
        using var file = File.OpenHandle(path);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long offset = 0;
            var feeds = 0;
            var last = (byte)'\n';
            int read;
            while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
            {
                feeds += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
                offset += read;
            }

            return Math.Max(0, feeds - (last == '\n' ? 1 : 0));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _csv.Dispose();

    private static CsvTable Open(Func<CsvRecordReader> open, string source, int? records)
    {
        try
        {
            return new CsvTable(open(), source, records);
        }
        catch (CsvFormatException e)
        {
            throw new InputDataException(e.Message.TrimEnd('.'), source, e.Line);
        }
    }
}
