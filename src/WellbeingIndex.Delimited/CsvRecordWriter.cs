using System.Buffers;
using System.Globalization;

namespace WellbeingIndex.Delimited;

/// <summary>
/// The project's one CSV writer: a header, then records whose fields are quoted only when they hold a comma, quote or
/// line break (RFC 4180, as <see cref="CsvRecordReader"/> reads them back); numbers in their shortest round-trip form
/// (invariant culture), missing or non-finite numbers as empty fields, and text that a spreadsheet would run as a
/// formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) prefixed with <c>'</c>.
/// </summary>
/// <remarks>
/// Records are assembled in a pooled buffer and handed to the text writer in large blocks: a million numbers cost
/// their formatting and little else (writing through a general CSV writer's per-field calls cost as much again).
/// A large table's rows can be written in parallel into <see cref="NewBlock"/>s, then appended in order with
/// <see cref="Append(CsvRecordWriter)"/>. Not thread-safe; everything is flushed on <see cref="Dispose"/>.
/// </remarks>
public sealed class CsvRecordWriter : IDisposable
{
    private const int FlushAt = 1 << 16;
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    private readonly TextWriter? _writer;
    private char[] _buffer = ArrayPool<char>.Shared.Rent(FlushAt * 2);
    private int _length;
    private bool _open;
    private int _next;
    private int _commas;

    private CsvRecordWriter(int width) => Width = width;

    private CsvRecordWriter(TextWriter writer, IReadOnlyList<string> header)
    {
        _writer = writer;
        Width = header.Count;
        using var record = NewRecord();
        for (var i = 0; i < header.Count; i++)
        {
            record.Text(i, header[i]);
        }
    }

    /// <summary>Longest text <see cref="FormatNumber"/> writes (for example <c>-1.2345678901234567E-308</c>).</summary>
    public const int MaxNumberLength = 24;

    /// <summary>Number of fields per record.</summary>
    public int Width { get; }

    /// <summary>Writes <paramref name="header"/> to <paramref name="writer"/> (left open; flushed on dispose).</summary>
    /// <exception cref="ArgumentException">The header is empty.</exception>
    public static CsvRecordWriter Create(TextWriter writer, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        if (header.Count == 0)
        {
            throw new ArgumentException("A CSV table needs at least one column.", nameof(header));
        }

        return new CsvRecordWriter(writer, header);
    }

    /// <summary>
    /// A writer of records of this table's width that keeps its text (no header) until <see cref="Append(CsvRecordWriter)"/>
    /// writes it: each thread formats its own block of rows. Dispose it to return its buffer.
    /// </summary>
    public CsvRecordWriter NewBlock() => new(Width);

    /// <summary>Writes the records of <paramref name="block"/> (from <see cref="NewBlock"/>) after this writer's, and empties the block for reuse.</summary>
    /// <exception cref="ArgumentException">The block is not a block of this table's width, or has a record still open.</exception>
    public void Append(CsvRecordWriter block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block._writer is not null || block.Width != Width || block._open)
        {
            throw new ArgumentException("Expected a block of this table (NewBlock) with no record open.", nameof(block));
        }

        Flush();
        if (_writer is null)
        {
            Append(block._buffer.AsSpan(0, block._length));
        }
        else
        {
            _writer.Write(block._buffer, 0, block._length);
        }

        block._length = 0;
    }

    /// <summary>Starts a record: set its fields in column order, then dispose it to end it.</summary>
    /// <exception cref="InvalidOperationException">The previous record was not disposed.</exception>
    public Record NewRecord()
    {
        if (_open)
        {
            throw new InvalidOperationException("The previous record is still open: dispose it first.");
        }

        (_open, _next, _commas) = (true, 0, 0);
        return new Record(this);
    }

    /// <summary>
    /// Formats <paramref name="value"/> as <see cref="Record.Number(int, double)"/> writes it (shortest round-trip,
    /// invariant; nothing for NaN or infinities) into <paramref name="destination"/>, returning the length.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than needed.</exception>
    public static int FormatNumber(double value, Span<char> destination)
    {
        if (ShortestDouble.TryFormat(value, destination) is > 0 and var fast)
        {
            return fast;
        }

        if (!double.IsFinite(value))
        {
            return 0;
        }

        return value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture)
            ? written
            : throw new ArgumentException($"Needs room for {MaxNumberLength} characters.", nameof(destination));
    }

    /// <summary>
    /// <paramref name="text"/> as a spreadsheet shows it rather than runs it: a leading <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, tab or carriage return gets a <c>'</c> in front (OWASP's CSV injection rule).
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsNeutralising(text) ? "'" + text : text;
    }

    /// <summary>Writes what is buffered and returns the buffer (the text writer stays open).</summary>
    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        Flush();
        _writer?.Flush();
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    private static bool NeedsNeutralising(ReadOnlySpan<char> text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private Span<char> Reserve(int length)
    {
        if (_length + length > _buffer.Length)
        {
            Flush();
            if (_length + length > _buffer.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(_length + length, _buffer.Length * 2));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }

        var span = _buffer.AsSpan(_length, length);
        _length += length;
        return span;
    }

    private void Append(char c) => Reserve(1)[0] = c;

    private void Append(ReadOnlySpan<char> text) => text.CopyTo(Reserve(text.Length));

    /// <summary>Hands the buffer to the text writer; a block keeps its text.</summary>
    private void Flush()
    {
        if (_writer is not null)
        {
            _writer.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    /// <summary>One record being written; fields go in column order, a skipped field is empty.</summary>
    public readonly ref struct Record
    {
        private readonly CsvRecordWriter _owner;

        internal Record(CsvRecordWriter owner) => _owner = owner;

        /// <summary>A text field (quoted if needed, neutralised if a spreadsheet would run it).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The column is before one already written or past the width.</exception>
        public void Text(int column, ReadOnlySpan<char> text)
        {
            MoveTo(column);
            var neutralise = NeedsNeutralising(text);
            if (text.IndexOfAny(Special) < 0)
            {
                if (neutralise)
                {
                    _owner.Append('\'');
                }

                _owner.Append(text);
                return;
            }

            _owner.Append('"');
            if (neutralise)
            {
                _owner.Append('\'');
            }

            foreach (var ch in text)
            {
                if (ch == '"')
                {
                    _owner.Append('"');
                }

                _owner.Append(ch);
            }

            _owner.Append('"');
        }

        /// <summary>A number in shortest round-trip form; NaN and infinities are written as an empty (missing) field.</summary>
        public void Number(int column, double value)
        {
            MoveTo(column);
            if (double.IsFinite(value))
            {
                var span = _owner.Reserve(MaxNumberLength);
                var written = FormatNumber(value, span);
                _owner._length -= MaxNumberLength - written;
            }
        }

        /// <summary>A whole number; <paramref name="missing"/> is written as an empty field.</summary>
        public void Integer(int column, int value, int missing = 0)
        {
            MoveTo(column);
            if (value != missing)
            {
                var span = _owner.Reserve(11);
                value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
                _owner._length -= 11 - written;
            }
        }

        /// <summary>Ends the record (empty fields up to the width).</summary>
        public void Dispose()
        {
            if (_owner is null || !_owner._open)
            {
                return;
            }

            for (; _owner._commas < _owner.Width - 1; _owner._commas++)
            {
                _owner.Append(',');
            }

            _owner.Append('\n');
            _owner._open = false;
            if (_owner._length >= FlushAt)
            {
                _owner.Flush();
            }
        }

        private void MoveTo(int column)
        {
            if (column < _owner._next || column >= _owner.Width)
            {
                throw new ArgumentOutOfRangeException(nameof(column), column,
                    string.Create(CultureInfo.InvariantCulture, $"Fields are written in order: the next is {_owner._next}, the width {_owner.Width}."));
            }

            for (; _owner._commas < column; _owner._commas++)
            {
                _owner.Append(',');
            }

            _owner._next = column + 1;
        }
    }
}
