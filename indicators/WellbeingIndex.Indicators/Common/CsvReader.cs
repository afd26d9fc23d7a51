using System.Globalization;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// A provider's view of a CSV file (the records come from <see cref="CsvRecords"/>): header lookup, field counts and
/// numeric fields checked, each error an <see cref="IndicatorDataException"/> naming the provider, file and line.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _providerId;
    private readonly IEnumerator<CsvRecord> _records;

    private CsvReader(TextReader reader, string providerId, string fileName)
    {
        _reader = reader;
        _records = CsvRecords.Read(reader).GetEnumerator();
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

    public void Dispose()
    {
        _records.Dispose();
        _reader.Dispose();
    }

    private CsvRecord? ReadRecord()
    {
        try
        {
            return _records.MoveNext() ? _records.Current : null;
        }
        catch (CsvFormatException e)
        {
            throw Error(e.Message, e.Line);
        }
    }
}
