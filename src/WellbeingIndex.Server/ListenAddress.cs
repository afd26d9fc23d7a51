namespace WellbeingIndex.Server;

/// <summary>Where Kestrel listens: the port <c>func start</c> would use (7071), so the same URLs work with and without the host.</summary>
public static class ListenAddress
{
    public const string Standalone = "http://localhost:7071";

    /// <summary>The URL to listen on, or null when the user chose one with --urls / ASPNETCORE_URLS.</summary>
    public static string? Choose(string? configuredUrls) => string.IsNullOrWhiteSpace(configuredUrls) ? Standalone : null;
}
