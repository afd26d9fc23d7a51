namespace WellbeingIndex.Abstractions;

/// <summary>Text that is not RFC 4180 CSV (an unclosed quote, a stray quote), at <see cref="Line"/>.</summary>
public sealed class CsvFormatException(string message, int line) : FormatException(message)
{
    public int Line { get; } = line;
}
