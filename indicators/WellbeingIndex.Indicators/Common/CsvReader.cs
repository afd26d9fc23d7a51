using System.Globalization;
using System.Text;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. It streams records and
/// remembers the line each began on, so every data error can name its file and line.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _providerId;
    private readonly StringBuilder _field = new();
    private int _line;

    private CsvReader(TextReader reader, string providerId, string fileName)
    {
        _reader = reader;
        _providerId = providerId;
        FileName = fileName;
        var header = ReadRecord() ?? throw Error("the file is empty; expected a header row.", 1);
        Header = header.Fields;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Opens <paramref name="fileName"/> through the context (so a <c>.gz</c> copy works) and reads its header.</summary>
    public static CsvReader Open(ProviderContext context, string providerId, string fileName) =>
        FromText(context.OpenText(providerId, fileName), providerId, fileName);

    internal static CsvReader FromText(TextReader reader, string providerId, string fileName)
    {
        try
        {
            return new CsvReader(reader, providerId, fileName);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The index of the header column named <paramref name="name"/> (case-insensitive); a missing column is a data error.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw Error($"no column '{name}' in the header; columns are: {string.Join(", ", Header)}.", 1);
    }

    /// <summary>Every data record; a record whose field count differs from the header's is a data error.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while (ReadRecord() is { } record)
        {
            if (record.Fields.Length == 1 && record.Fields[0].Length == 0)
            {
                continue;
            }

            if (record.Fields.Length != Header.Count)
            {
                throw Error($"{record.Fields.Length} fields where the header has {Header.Count}.", record.Line);
            }

            yield return record;
        }
    }

    public IndicatorDataException Error(string message, int line) => new(_providerId, message, FileName, line);

    /// <summary>The field as a number (invariant culture); anything else, blank included, is a data error naming the column.</summary>
    public double Number(CsvRecord record, int column)
    {
        var text = record[column].Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error($"column '{Header[column]}' is '{record[column]}', not a number.", record.Line);
        }

        return value;
    }

    /// <summary>The field as a four-digit year.</summary>
    public int Year(CsvRecord record, int column)
    {
        var text = record[column].Trim();
        if (text.Length != 4 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1800)
        {
            throw Error($"column '{Header[column]}' is '{record[column]}', not a year.", record.Line);
        }

        return year;
    }

    public void Dispose() => _reader.Dispose();

    // Line-based: a line without quotes is split directly (the common case); a quoted field that is still open at the
    // end of a line continues on the next (a line break inside it is kept as '\n').
    private CsvRecord? ReadRecord()
    {
        var text = _reader.ReadLine();
        if (text is null)
        {
            return null;
        }

        var start = ++_line;
        if (!text.Contains('"'))
        {
            return new CsvRecord(start, text.Split(','));
        }

        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (quoted)
                {
                    if (ch != '"')
                    {
                        _field.Append(ch);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else if (ch == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                }
                else if (ch == '"')
                {
                    if (_field.Length > 0 || afterQuote)
                    {
                        throw Error($"a quote inside an unquoted field (field {fields.Count + 1}).", _line);
                    }

                    quoted = true;
                }
                else if (afterQuote)
                {
                    throw Error($"text after the closing quote of field {fields.Count + 1}.", _line);
                }
                else
                {
                    _field.Append(ch);
                }
            }

            if (!quoted)
            {
                fields.Add(_field.ToString());
                return new CsvRecord(start, [.. fields]);
            }

            text = _reader.ReadLine() ?? throw Error("a quoted field is not closed before the end of the file.", start);
            _line++;
            _field.Append('\n');
        }
    }
}
