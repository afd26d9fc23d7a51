using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Delimited;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// A provider's view of a CSV file (read by the project's one reader, <see cref="CsvRecordReader"/>): header lookup,
/// field counts and numeric fields checked, each error an <see cref="IndicatorDataException"/> naming the provider,
/// file and line.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly CsvRecordReader _csv;
    private readonly string _providerId;

    private CsvReader(CsvRecordReader csv, string providerId, string fileName)
    {
        _csv = csv;
        _providerId = providerId;
        FileName = fileName;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Header => _csv.Header;

    /// <summary>Opens <paramref name="fileName"/> through the context (so a <c>.gz</c> copy works) and reads its header.</summary>
    public static CsvReader Open(ProviderContext context, string providerId, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FromText(context.OpenText(providerId, fileName), providerId, fileName);
    }

    internal static CsvReader FromText(TextReader reader, string providerId, string fileName)
    {
        try
        {
            return new CsvReader(CsvRecordReader.Open(reader), providerId, fileName);
        }
        catch (CsvFormatException e)
        {
            throw new IndicatorDataException(providerId, e.Message, fileName, e.Line, e);
        }
    }

    /// <summary>The index of the header column named <paramref name="name"/> (case-insensitive); a missing column is a data error.</summary>
    public int Column(string name) =>
        _csv.IndexOf(name) is var i and >= 0 ? i : throw Error($"no column '{name}' in the header; columns are: {string.Join(", ", Header)}.", 1);

    /// <summary>Every data record; a record whose field count differs from the header's is a data error.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while (Read())
        {
            var fields = new string[_csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _csv.Text(i);
            }

            yield return new CsvRecord(_csv.Line, fields);
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

    public void Dispose() => _csv.Dispose();

    private bool Read()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new IndicatorDataException(_providerId, e.Message, FileName, e.Line, e);
        }
    }
}
