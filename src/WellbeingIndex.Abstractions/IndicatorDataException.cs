namespace WellbeingIndex.Abstractions;

/// <summary>Source data that cannot be trusted: missing or malformed file, duplicate rows, non-numeric values.</summary>
public sealed class IndicatorDataException : Exception
{
    public IndicatorDataException(string providerId, string message, string? file = null, int? line = null, Exception? inner = null)
        : base(Format(providerId, message, file, line), inner)
    {
        ProviderId = providerId;
        File = file;
        Line = line;
    }

    public string ProviderId { get; }

    public string? File { get; }

    public int? Line { get; }

    private static string Format(string providerId, string message, string? file, int? line) =>
        file is null ? $"{providerId}: {message}" : $"{providerId}: {file}{(line is null ? "" : $" line {line}")}: {message}";
}
