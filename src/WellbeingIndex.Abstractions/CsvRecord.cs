namespace WellbeingIndex.Abstractions;

/// <summary>One CSV record and the line it starts on, so every data error can say where.</summary>
public readonly record struct CsvRecord(int Line, string[] Fields)
{
    public string this[int column] => Fields[column];
}
