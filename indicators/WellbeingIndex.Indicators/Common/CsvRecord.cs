namespace WellbeingIndex.Indicators.Common;

/// <summary>One CSV record and the line it starts on, so every data error can say where.</summary>
public readonly record struct CsvRecord(int Line, string[] Fields)
{
    /// <summary>The field in <paramref name="column"/>, unquoted.</summary>
    public string this[int column] => Fields[column];
}
