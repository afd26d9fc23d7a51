namespace WellbeingIndex.Abstractions;

/// <summary>Source data that cannot be trusted: missing or malformed file, duplicate rows, non-numeric values.</summary>
public sealed class IndicatorDataException : Exception
{
    /// <summary>Creates the error; the message reads <c>provider: file line N: message</c>.</summary>
    /// <param name="providerId">The provider's <see cref="IndicatorMetadata.Id"/>.</param>
    /// <param name="message">What is wrong, in the publisher's terms.</param>
    /// <param name="file">The data file, if the problem is in one.</param>
    /// <param name="line">The 1-based line of the file, if known.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public IndicatorDataException(string providerId, string message, string? file = null, int? line = null, Exception? inner = null)
        : base(Format(providerId, message, file, line), inner)
    {
        ProviderId = providerId;
        File = file;
        Line = line;
    }

    /// <summary>The provider whose data is at fault.</summary>
    public string ProviderId { get; }

    /// <summary>The data file at fault, or null.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of <see cref="File"/>, or null.</summary>
    public int? Line { get; }

    private static string Format(string providerId, string message, string? file, int? line) =>
        file is null ? $"{providerId}: {message}" : $"{providerId}: {file}{(line is null ? "" : $" line {line}")}: {message}";
}
