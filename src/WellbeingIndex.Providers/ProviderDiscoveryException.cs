namespace WellbeingIndex.Providers;

/// <summary>
/// A provider could not be discovered: its plug-in would not load, two providers share an id, its metadata is
/// incomplete, or it has no usable constructor. The message names the file and the type.
/// </summary>
public sealed class ProviderDiscoveryException : Exception
{
    public ProviderDiscoveryException(string message, string? file = null, string? typeName = null, Exception? inner = null)
        : base(Format(message, file, typeName), inner)
    {
        File = file;
        TypeName = typeName;
    }

    /// <summary>The assembly file involved, when there is one.</summary>
    public string? File { get; }

    /// <summary>The full name of the provider type involved, when there is one.</summary>
    public string? TypeName { get; }

    private static string Format(string message, string? file, string? typeName) =>
        (typeName is null ? "" : $"{typeName}: ") + message + (file is null ? "" : $" (in {file})");
}
