namespace WellbeingIndex.Engine.Data;

/// <summary>An input file that cannot be read as indicator data; says which file, line and column.</summary>
public sealed class InputDataException : Exception
{
    public InputDataException(string message, string source, int? line = null, string? column = null)
        : base($"{source}{(line is null ? "" : $" line {line}")}{(column is null ? "" : $", column '{column}'")}: {message}")
    {
        Source = source;
        Line = line;
        Column = column;
    }

    public new string Source { get; }

    public int? Line { get; }

    public string? Column { get; }
}
