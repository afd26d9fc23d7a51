namespace WellbeingIndex.Delimited;

/// <summary>
/// Text that is not a well-formed CSV table (an unclosed or stray quote, a ragged record, a repeated column name), at
/// <see cref="Line"/>. Readers of particular files catch it to say which file and what it means there.
/// </summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the error for <paramref name="line"/> (1-based, the line the record starts on).</summary>
    public CsvFormatException(string message, int line)
        : base(message) => Line = line;

    /// <summary>The 1-based line the offending record starts on.</summary>
    public int Line { get; }
}
