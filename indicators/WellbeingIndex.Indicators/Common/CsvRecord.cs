namespace WellbeingIndex.Indicators.Common;

/// <summary>One CSV record and the line it starts on.</summary>
public readonly record struct CsvRecord(int Line, string[] Fields)
{
    public string this[int column] => Fields[column];
}
